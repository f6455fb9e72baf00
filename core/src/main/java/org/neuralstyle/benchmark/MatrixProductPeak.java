package org.neuralstyle.benchmark;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.Random;

/**
 * The arithmetic rate this engine reaches on this machine: a large single-precision matrix product
 * (2 n^3 FLOPs, the most cache-friendly kernel there is), timed through the same TensorFlow build and thread
 * settings as a style transfer. It is the yardstick for how close an iteration gets to the hardware's limit.
 */
public final class MatrixProductPeak {

    /** The median time of one n x n product and the rate it implies. */
    public record Measurement(int size, double medianSeconds) {
        public double gflops() {
            return 2.0 * size * size * size / medianSeconds / 1e9;
        }
    }

    private MatrixProductPeak() {
    }

    public static Measurement measure(EngineSettings settings, int size, int warmup, int repeats) {
        Random random = new Random(1);
        float[] values = new float[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        try (GraphSession graph = new GraphSession(settings);
             TFloat32 a = Tensors.of(values, size, size);
             TFloat32 b = Tensors.of(values, size, size)) {
            Ops tf = graph.ops();
            // Placeholders, not constants: constant folding would compute the product once, at graph optimisation.
            Placeholder<TFloat32> pa = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size, size)));
            Placeholder<TFloat32> pb = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size, size)));
            // Fetch a sum, so copying the n x n result to Java is not timed.
            Operand<TFloat32> sum = tf.reduceSum(tf.linalg.matMul(pa, pb), tf.constant(new int[] {0, 1}));
            Session session = graph.session();
            double[] seconds = new double[repeats];
            for (int i = -warmup; i < repeats; i++) {
                long start = System.nanoTime();
                try (Result ignored = session.runner().feed(pa, a).feed(pb, b).fetch(sum).run()) {
                    if (i >= 0) {
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                    }
                }
            }
            return new Measurement(size, Timings.median(seconds));
        }
    }
}
