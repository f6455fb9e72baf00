package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * Ruder et al.'s short-term temporal loss (2016): w_t * (1/D) sum_k c_k (x_k - w_k)^2, D = H*W*C, with w the
 * previous stylized frame warped into this one and c a per-pixel weight (0 at disocclusions and motion
 * boundaries) shared by the channels. An all-zero weight removes the term, as for a video's first frame. A sum
 * over positions.
 */
final class TemporalTerm extends SummedTerm {

    private final Extent extent;
    private final double weight;
    private LaidInput warped;
    private LaidInput mask;

    TemporalTerm(Extent extent, double weight) {
        super(LossTerms.TEMPORAL);
        this.extent = extent;
        this.weight = weight;
    }

    /** The temporal loss of a whole image without its weight; mask [1,H,W,1] broadcasts over the channels. */
    static Operand<TFloat32> unweighted(Ops tf, Operand<TFloat32> image, Operand<TFloat32> warpedPrevious,
                                        Operand<TFloat32> mask) {
        return tf.math.div(weightedSquares(tf, image, warpedPrevious, mask),
                tf.dtypes.cast(tf.size(image), TFloat32.class));
    }

    private static Operand<TFloat32> weightedSquares(Ops tf, Operand<TFloat32> image, Operand<TFloat32> warpedPrevious,
                                                     Operand<TFloat32> mask) {
        return sumOfAll(tf, tf.math.mul(mask, tf.math.squaredDifference(image, warpedPrevious)));
    }

    @Override
    List<Operand<TFloat32>> sums(Ops tf, ImagePart part) {
        warped = part.laidOverPixels(3);
        mask = part.laidOverPixels(1);
        clear();
        return List.of(weightedSquares(tf, part.pixels(), warped.operand(), mask.operand()));
    }

    @Override
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
        return Losses.scaled(tf, tf.math.div(sums.get(0), tf.constant((float) (extent.pixels() * 3))), weight);
    }

    /** Holds the image to the warped previous frame with a weight per pixel (0..1, row-major). */
    void set(RgbImage warpedFrame, float[] weights) {
        if (warpedFrame.width() != extent.width() || warpedFrame.height() != extent.height()
                || weights.length != extent.pixels()) {
            throw new IllegalArgumentException("temporal target is " + warpedFrame.width() + "x" + warpedFrame.height()
                    + " with " + weights.length + " weights, graph is " + extent.width() + "x" + extent.height());
        }
        warped.set(Tensors.of(warpedFrame.pixels(), 1, extent.height(), extent.width(), 3));
        mask.set(Tensors.of(weights, 1, extent.height(), extent.width(), 1));
    }

    /** No target: an all-zero weight. */
    void clear() {
        // zeros written out: a new tensor holds whatever was in memory
        warped.set(Tensors.of(new float[(int) extent.pixels() * 3], 1, extent.height(), extent.width(), 3));
        mask.set(Tensors.of(new float[(int) extent.pixels()], 1, extent.height(), extent.width(), 1));
    }
}
