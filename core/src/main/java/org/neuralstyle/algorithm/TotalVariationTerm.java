package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.List;

/**
 * Total variation smoothing (REFERENCE.md section 1): w_tv * (mean((x[i+1,j] - x[i,j])^2) + mean((x[i,j+1] -
 * x[i,j])^2)) over the image: squared neighbour differences divided by their counts N_y = (H-1) W C and
 * N_x = H (W-1) C. A sum over positions: each part sums the pairs whose first pixel is its own.
 */
final class TotalVariationTerm extends SummedTerm {

    private final Extent extent;
    private final double weight;

    TotalVariationTerm(Extent extent, double weight) {
        super(LossTerms.TV);
        if (extent.height() < 2 || extent.width() < 2) {
            throw new IllegalArgumentException("total variation needs an image of at least 2x2 pixels");
        }
        this.extent = extent;
        this.weight = weight;
    }

    /** The total variation of a whole image [1, H, W, C] without its weight. */
    static Operand<TFloat32> unweighted(Ops tf, Operand<TFloat32> image, int height, int width, int channels) {
        List<Operand<TFloat32>> sums = differences(tf, image, image);
        return perCount(tf, sums, height, width, channels);
    }

    @Override
    List<Operand<TFloat32>> sums(Ops tf, ImagePart part) {
        return differences(tf, part.pixels(), part.pixelsWithNext());
    }

    @Override
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
        return Losses.scaled(tf, perCount(tf, sums, extent.height(), extent.width(), 3), weight);
    }

    private static Operand<TFloat32> perCount(Ops tf, List<Operand<TFloat32>> sums, int height, int width,
                                              int channels) {
        float vertical = (float) ((double) (height - 1) * width * channels);
        float horizontal = (float) ((double) height * (width - 1) * channels);
        return tf.math.add(tf.math.div(sums.get(0), tf.constant(vertical)),
                tf.math.div(sums.get(1), tf.constant(horizontal)));
    }

    /**
     * The squared vertical differences of pairs whose upper pixel is in the part (its columns, down into the next
     * row) and the squared horizontal ones whose left pixel is (its rows, into the next column).
     */
    private static List<Operand<TFloat32>> differences(Ops tf, Operand<TFloat32> part, Operand<TFloat32> withNext) {
        Operand<TInt32> shape = tf.shape(part);
        Operand<TInt32> nextShape = tf.shape(withNext);
        Operand<TInt32> rows = dimension(tf, shape, 1);
        Operand<TInt32> columns = dimension(tf, shape, 2);
        Operand<TInt32> channels = dimension(tf, shape, 3);
        Operand<TInt32> one = tf.constant(1);
        Operand<TInt32> pairRows = tf.math.sub(dimension(tf, nextShape, 1), one);
        Operand<TInt32> pairColumns = tf.math.sub(dimension(tf, nextShape, 2), one);
        Operand<TInt32> vertical = tf.stack(List.of(one, pairRows, columns, channels));
        Operand<TInt32> horizontal = tf.stack(List.of(one, rows, pairColumns, channels));
        Operand<TFloat32> down = tf.slice(withNext, tf.constant(new int[] {0, 1, 0, 0}), vertical);
        Operand<TFloat32> up = tf.slice(withNext, tf.constant(new int[] {0, 0, 0, 0}), vertical);
        Operand<TFloat32> right = tf.slice(withNext, tf.constant(new int[] {0, 0, 1, 0}), horizontal);
        Operand<TFloat32> left = tf.slice(withNext, tf.constant(new int[] {0, 0, 0, 0}), horizontal);
        return List.of(sumOfAll(tf, tf.math.squaredDifference(down, up)),
                sumOfAll(tf, tf.math.squaredDifference(right, left)));
    }

    private static Operand<TInt32> dimension(Ops tf, Operand<TInt32> shape, int axis) {
        return tf.squeeze(tf.slice(shape, tf.constant(new int[] {axis}), tf.constant(new int[] {1})));
    }
}
