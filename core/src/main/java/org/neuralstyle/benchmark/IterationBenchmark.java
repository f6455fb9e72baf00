package org.neuralstyle.benchmark;

import org.neuralstyle.algorithm.ImageLoss;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleTransferGraph;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.TiledStyleTransferGraph;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.FlopCount;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.optim.Adam;
import org.tensorflow.types.TFloat32;

import java.util.List;
import java.util.Random;

/**
 * Times the optimisation loop's iteration (loss, gradient and Adam step) for one network at one square size,
 * with the reference implementation's loss layers: what a user's run costs per iteration. Time spent outside
 * the engine (the Adam step and the copies between Java and native memory) is timed on its own, so a
 * profile shows what is not convolution.
 */
public final class IterationBenchmark {

    /** Median and fastest iteration, its parts, and the analytic FLOPs of one iteration. */
    public record Result(String network, int size, long flopsPerIteration, double setupSeconds,
                         double medianSeconds, double minSeconds, double adamStepSeconds, double copySeconds) {

        public double gflops() {
            return flopsPerIteration / medianSeconds / 1e9;
        }

        /** The share of the iteration spent in Java: the Adam update and the pixel and gradient copies. */
        public double outsideEngineShare() {
            return (adamStepSeconds + copySeconds) / medianSeconds;
        }
    }

    private IterationBenchmark() {
    }

    /** Whole-image iterations at a square size. */
    public static Result measure(NetworkWeights weights, int size, int warmup, int iterations, EngineSettings engine) {
        return measure(weights, size, 0, warmup, iterations, engine);
    }

    /**
     * Iterations at a square size, evaluated whole (tileSize 0) or tile by tile in cores of tileSize px with the
     * exact halo, as a print-size run evaluates them.
     */
    public static Result measure(NetworkWeights weights, int size, int tileSize, int warmup, int iterations,
                                 EngineSettings engine) {
        NetworkArchitecture arch = weights.architecture();
        StyleTransferOptions options = StyleTransferOptions.defaults(arch);
        LossSpec spec = LossSpec.of(options, arch, new double[] {1});
        long flops = FlopCount.iteration(arch, spec.layers(), size, size);
        Random random = new Random(7);
        long setupStart = System.nanoTime();
        try (ImageLoss graph = tileSize > 0
                ? new TiledStyleTransferGraph(weights, options.pooling(), spec, size, size, tileSize,
                        TiledStyleTransferGraph.exactHalo(arch, spec), 7, engine)
                : new StyleTransferGraph(weights, options.pooling(), spec, size, size, engine)) {
            graph.setContent(randomImage(size, random));
            graph.setStyles(List.of(randomImage(size, random)));
            float[] x = randomImage(size, random).pixels();
            float[] gradient = new float[x.length];
            Adam adam = new Adam(options.adam(), x.length);
            graph.evaluate(x, gradient); // the first run also optimises and allocates: part of set-up
            double setup = (System.nanoTime() - setupStart) / 1e9;
            double[] total = new double[iterations];
            double[] step = new double[iterations];
            for (int i = -warmup; i < iterations; i++) {
                long t0 = System.nanoTime();
                graph.evaluate(x, gradient);
                long t1 = System.nanoTime();
                adam.step(x, gradient);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    total[i] = (t2 - t0) / 1e9;
                    step[i] = (t2 - t1) / 1e9;
                }
            }
            return new Result(arch.name(), size, flops, setup, Timings.median(total), Timings.min(total),
                    Timings.median(step), copySeconds(x, gradient, size));
        }
    }

    /** One iteration's copies: the pixels into a native tensor and the gradient back out. */
    private static double copySeconds(float[] pixels, float[] gradient, int size) {
        double[] seconds = new double[9];
        try (TFloat32 tensor = Tensors.of(pixels, 1, size, size, 3)) {
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                Tensors.write(tensor, pixels);
                Tensors.copyTo(tensor, gradient);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        return Timings.median(seconds);
    }

    private static RgbImage randomImage(int size, Random random) {
        float[] px = new float[size * size * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextFloat() * 255;
        }
        return new RgbImage(size, size, px);
    }
}
