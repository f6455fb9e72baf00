package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * Ruder et al.'s short-term temporal loss (2016): w_t * (1/D) sum_k c_k (x_k - w_k)^2, D = H*W*C, with w the
 * previous stylized frame warped into this one and c a per-pixel weight (0 at disocclusions and motion
 * boundaries) shared by the channels. An all-zero weight removes the term, as for a video's first frame.
 */
final class TemporalTerm extends FedTerm {

    private final int width;
    private final int height;

    TemporalTerm(Ops tf, Operand<TFloat32> image, int height, int width, double weight) {
        super(LossTerms.TEMPORAL);
        this.width = width;
        this.height = height;
        Operand<TFloat32> warped = fed.add(tf, Shape.of(1, height, width, 3));
        Operand<TFloat32> mask = fed.add(tf, Shape.of(1, height, width, 1));
        value(Losses.scaled(tf, unweighted(tf, image, warped, mask), weight));
        fed.set(List.of(TFloat32.tensorOf(Shape.of(1, height, width, 3)),
                TFloat32.tensorOf(Shape.of(1, height, width, 1))));
        clear(); // new tensors hold whatever was in memory
    }

    /** The temporal loss without its weight; mask [1,H,W,1] broadcasts over the channels. */
    static Operand<TFloat32> unweighted(Ops tf, Operand<TFloat32> image, Operand<TFloat32> warpedPrevious,
                                        Operand<TFloat32> mask) {
        return Losses.meanOfAll(tf, tf.math.mul(mask, tf.math.squaredDifference(image, warpedPrevious)));
    }

    /** Holds the image to the warped previous frame with a weight per pixel (0..1, row-major). */
    void set(RgbImage warped, float[] mask) {
        if (warped.width() != width || warped.height() != height || mask.length != width * height) {
            throw new IllegalArgumentException("temporal target is " + warped.width() + "x" + warped.height()
                    + " with " + mask.length + " weights, graph is " + width + "x" + height);
        }
        Tensors.write(fed.values().get(0), warped.pixels());
        Tensors.write(fed.values().get(1), mask);
    }

    void clear() {
        Tensors.write(fed.values().get(0), new float[height * width * 3]);
        Tensors.write(fed.values().get(1), new float[height * width]);
    }




}
