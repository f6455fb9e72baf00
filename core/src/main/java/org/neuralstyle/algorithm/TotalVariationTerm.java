package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Total variation smoothing (REFERENCE.md section 1): w_tv * (mean((x[i+1,j] - x[i,j])^2) + mean((x[i,j+1] -
 * x[i,j])^2)) over the image [1,H,W,C]: squared neighbour differences divided by their counts N_y and N_x.
 */
final class TotalVariationTerm implements LossTerm {

    private final Operand<TFloat32> value;

    TotalVariationTerm(Ops tf, Operand<TFloat32> image, int height, int width, int channels, double weight) {
        value = Losses.scaled(tf, unweighted(tf, image, height, width, channels), weight);
    }

    /** The total variation without its weight. */
    static Operand<TFloat32> unweighted(Ops tf, Operand<TFloat32> image, int height, int width, int channels) {
        if (height < 2 || width < 2) {
            throw new IllegalArgumentException("total variation needs an image of at least 2x2 pixels");
        }
        Operand<TFloat32> down = slice(tf, image, new int[] {0, 1, 0, 0}, new int[] {1, height - 1, width, channels});
        Operand<TFloat32> up = slice(tf, image, new int[] {0, 0, 0, 0}, new int[] {1, height - 1, width, channels});
        Operand<TFloat32> right = slice(tf, image, new int[] {0, 0, 1, 0}, new int[] {1, height, width - 1, channels});
        Operand<TFloat32> left = slice(tf, image, new int[] {0, 0, 0, 0}, new int[] {1, height, width - 1, channels});
        return tf.math.add(Losses.meanSquaredError(tf, down, up), Losses.meanSquaredError(tf, right, left));
    }

    @Override
    public String name() {
        return LossTerms.TV;
    }

    @Override
    public Operand<TFloat32> value() {
        return value;
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int[] begin, int[] size) {
        return tf.slice(x, tf.constant(begin), tf.constant(size));
    }
}
