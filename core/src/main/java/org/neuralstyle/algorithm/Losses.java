package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * The loss terms as graph operations, exactly as REFERENCE.md section 1 (the paper's equations 1 and 2,
 * with mean squared error). Each method builds ops; weights are applied by the caller.
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

    /** mean((a - b)^2) over all elements: the paper's 2 * l2_loss / size, equations (1) and (2). */
    public static Operand<TFloat32> meanSquaredError(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return meanOfAll(tf, tf.math.squaredDifference(a, b));
    }

    /**
     * Total variation: mean((x[i+1,j] - x[i,j])^2) + mean((x[i,j+1] - x[i,j])^2) over an image [1,H,W,C],
     * i.e. the squared neighbour differences divided by their element counts N_y and N_x.
     */
    public static Operand<TFloat32> totalVariation(Ops tf, Operand<TFloat32> image, int height, int width, int channels) {
        if (height < 2 || width < 2) {
            throw new IllegalArgumentException("total variation needs an image of at least 2x2 pixels");
        }
        Operand<TFloat32> down = slice(tf, image, new int[] {0, 1, 0, 0}, new int[] {1, height - 1, width, channels});
        Operand<TFloat32> up = slice(tf, image, new int[] {0, 0, 0, 0}, new int[] {1, height - 1, width, channels});
        Operand<TFloat32> right = slice(tf, image, new int[] {0, 0, 1, 0}, new int[] {1, height, width - 1, channels});
        Operand<TFloat32> left = slice(tf, image, new int[] {0, 0, 0, 0}, new int[] {1, height, width - 1, channels});
        return tf.math.add(meanSquaredError(tf, down, up), meanSquaredError(tf, right, left));
    }

    /**
     * Ruder et al.'s short-term temporal loss without its weight: (1/D) sum_k c_k (x_k - w_k)^2, D = H*W*C,
     * with w the previous stylized frame warped into this one and c a per-pixel weight [1,H,W,1] (0 at
     * disocclusions and motion boundaries) shared by the channels.
     */
    public static Operand<TFloat32> temporal(Ops tf, Operand<TFloat32> image, Operand<TFloat32> warpedPrevious,
                                             Operand<TFloat32> mask) {
        return meanOfAll(tf, tf.math.mul(mask, tf.math.squaredDifference(image, warpedPrevious)));
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

    private static Operand<TFloat32> meanOfAll(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1}));
        return tf.math.mean(flat, tf.constant(0));
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int[] begin, int[] size) {
        return tf.slice(x, tf.constant(begin), tf.constant(size));
    }
}
