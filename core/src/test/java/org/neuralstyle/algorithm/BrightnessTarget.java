package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * A term that exists only in the tests: w * (mean brightness - target)^2, a function of one sum over the pixels
 * that is not linear in it, so that a tiled run must differentiate it by the whole image's sum to get it right.
 */
record BrightnessTarget(double weight, double target) implements SummedImageTerm {

    @Override
    public String name() {
        return "brightness";
    }

    @Override
    public List<Operand<TFloat32>> sums(Ops tf, Operand<TFloat32> pixels) {
        return List.of(tf.reduceSum(tf.reshape(pixels, tf.constant(new int[] {-1})), tf.constant(0)));
    }

    @Override
    public Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums, int width, int height) {
        Operand<TFloat32> mean = tf.math.div(sums.get(0), tf.constant(3f * width * height));
        return tf.math.mul(tf.math.square(tf.math.sub(mean, tf.constant((float) target))), tf.constant((float) weight));
    }
}
