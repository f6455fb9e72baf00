package org.neuralstyle.job;

import org.neuralstyle.algorithm.ImageTerm;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A term that exists only in the tests: the weighted mean brightness of the image, 0..1. */
record MeanBrightness(double weight) implements ImageTerm {

    @Override
    public String name() {
        return "brightness";
    }

    @Override
    public Operand<TFloat32> value(Ops tf, Operand<TFloat32> image, int width, int height) {
        Operand<TFloat32> flat = tf.reshape(image, tf.constant(new int[] {-1}));
        return tf.math.mul(tf.math.mean(flat, tf.constant(0)), tf.constant((float) (weight / 255)));
    }
}
