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
        Operand<TFloat32> positions = tf.dtypes.cast(tf.math.div(tf.size(features), tf.constant((int) channels)),
                TFloat32.class);
        return gramOf(tf, gramSum(tf, features, channels), positions, channels);
    }

    /** F^T F, F the features reshaped to (H*W) x C: the sum over positions a Gram matrix is made of. */
    static Operand<TFloat32> gramSum(Ops tf, Operand<TFloat32> features, long channels) {
        Operand<TFloat32> f = tf.reshape(features, tf.constant(new long[] {-1, channels}));
        return tf.linalg.matMul(f, f, MatMul.transposeA(true));
    }

    /** The Gram matrix from its sum over an image of that many positions: S / (positions * C). */
    static Operand<TFloat32> gramOf(Ops tf, Operand<TFloat32> sum, Operand<TFloat32> positions, long channels) {
        return tf.math.div(sum, tf.math.mul(positions, tf.constant((float) channels)));
    }

    /**
     * The Gram matrix over a region (Gatys et al. 2017, spatial control): G = F^T diag(m) F / (C * sum(m)), m the
     * region's weight at each of the H*W positions ([1, H, W, 1], 0..1). Normalised by the region's area, it is the
     * Gram matrix of the features inside it: all ones gives {@link #gram}, a 0/1 mask the Gram matrix of the
     * positions it keeps. An empty region gives 0 (the area is kept from 0).
     */
    public static Operand<TFloat32> regionGram(Ops tf, Operand<TFloat32> features, Operand<TFloat32> region,
                                               long channels) {
        List<Operand<TFloat32>> sums = regionGramSums(tf, features, region, channels);
        return regionGramOf(tf, sums.get(0), sums.get(1), channels);
    }

    /** The sums a region's Gram matrix is made of: F^T diag(m) F and the region's area sum(m). */
    static List<Operand<TFloat32>> regionGramSums(Ops tf, Operand<TFloat32> features, Operand<TFloat32> region,
                                                  long channels) {
        Operand<TFloat32> f = tf.reshape(features, tf.constant(new long[] {-1, channels}));
        Operand<TFloat32> m = tf.reshape(region, tf.constant(new long[] {-1, 1}));
        return List.of(tf.linalg.matMul(tf.math.mul(f, m), f, MatMul.transposeA(true)),
                tf.reduceSum(m, tf.constant(new int[] {0, 1})));
    }

    /** The region's Gram matrix from its sums: S / (C * max(area, 1e-6)). */
    static Operand<TFloat32> regionGramOf(Ops tf, Operand<TFloat32> sum, Operand<TFloat32> area, long channels) {
        Operand<TFloat32> kept = tf.math.maximum(area, tf.constant(1e-6f));
        return tf.math.div(sum, tf.math.mul(kept, tf.constant((float) channels)));
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
