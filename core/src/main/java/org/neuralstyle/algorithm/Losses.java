package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * The arithmetic the loss terms share (REFERENCE.md section 1): the Gram matrix, mean squared error, weighted
 * sums. Each method builds ops; the terms themselves are {@link ContentTerm}, {@link StyleTerm},
 * {@link TotalVariationTerm} and {@link TemporalTerm}.
 */
public final class Losses {

    private Losses() {
    }

    /** Gram matrix G = F^T F / (H*W*C), F the features reshaped to (H*W) x C. */
    public static Operand<TFloat32> gram(Ops tf, Operand<TFloat32> features, long channels) {
        Operand<TFloat32> f = tf.reshape(features, tf.constant(new long[] {-1, channels}));
        Operand<TFloat32> g = tf.linalg.matMul(f, f, MatMul.transposeA(true));
        return tf.math.div(g, tf.dtypes.cast(tf.size(features), TFloat32.class));
    }

    /**
     * The Gram matrix over a region (Gatys et al. 2017, spatial control): G = F^T diag(m) F / (C * sum(m)), m the
     * region's weight at each of the H*W positions ([1, H, W, 1], 0..1). Normalised by the region's area, it is the
     * Gram matrix of the features inside it: all ones gives {@link #gram}, a 0/1 mask the Gram matrix of the
     * positions it keeps. An empty region gives 0 (the area is kept from 0).
     */
    public static Operand<TFloat32> regionGram(Ops tf, Operand<TFloat32> features, Operand<TFloat32> region,
                                               long channels) {
        Operand<TFloat32> f = tf.reshape(features, tf.constant(new long[] {-1, channels}));
        Operand<TFloat32> m = tf.reshape(region, tf.constant(new long[] {-1, 1}));
        Operand<TFloat32> g = tf.linalg.matMul(tf.math.mul(f, m), f, MatMul.transposeA(true));
        Operand<TFloat32> area = tf.math.maximum(tf.reduceSum(m, tf.constant(new int[] {0, 1})), tf.constant(1e-6f));
        return tf.math.div(g, tf.math.mul(area, tf.constant((float) channels)));
    }

    /** mean((a - b)^2) over all elements: the paper's 2 * l2_loss / size, equations (1) and (2). */
    public static Operand<TFloat32> meanSquaredError(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return meanOfAll(tf, tf.math.squaredDifference(a, b));
    }

    /** sum_k w_k * terms_k, or 0 for no terms. */
    public static Operand<TFloat32> weightedSum(Ops tf, List<Operand<TFloat32>> terms, List<Double> weights) {
        Operand<TFloat32> sum = tf.constant(0f);
        for (int k = 0; k < terms.size(); k++) {
            sum = tf.math.add(sum, scaled(tf, terms.get(k), weights.get(k)));
        }
        return sum;
    }

    public static Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> x, double factor) {
        return tf.math.mul(x, tf.constant((float) factor));
    }

    static Operand<TFloat32> meanOfAll(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1}));
        return tf.math.mean(flat, tf.constant(0));
    }
}
