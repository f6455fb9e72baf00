package org.neuralstyle.benchmark;

import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.Precision;
import org.neuralstyle.network.FlopCount;
import org.neuralstyle.network.NetworkArchitecture;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How long a run will take on this machine, said before it starts: the benchmark's cost model, i.e. the analytic
 * FLOPs of each iteration ({@link FlopCount#iteration}) at the rate an iteration of this network reaches, as a share
 * of the matrix-product peak measured on this machine ({@link MatrixProductPeak}). The shares are `bench`'s
 * measurements (docs/performance.md): machines of one kind differ about 2x, and the measured peak carries that.
 */
public final class TimeEstimate {

    /** One stage of a run: an image size and the iterations spent at it. */
    public record Stage(int width, int height, int iterations) {
    }

    /**
     * The matrix-product size measured: the one `bench` measures the peak with, against which the shares below were
     * measured (a 1024 product reaches a lower rate, which made SqueezeNet's estimates 1.4x too long); four products
     * take about a third of a second on two cores.
     */
    public static final int PEAK_SIZE = 2048;

    /**
     * A tiled iteration's cost against a whole one at the same size: one extra forward pass for the exact
     * statistics, partly won back by cache-sized tiles (bench: 1.27x at 2048 px, 1.55x in the worst case).
     */
    static final double TILED_FACTOR = 1.4;

    /**
     * Set-up before the first iteration and after the last: reading the weights and images, the peak measurement,
     * graph building, the style targets, writing the picture (bench's set-up column is 1-8 s).
     */
    static final double SETUP_SECONDS = 4;

    /**
     * An iteration of a real run against bench's bare loss, gradient and Adam step: the lowest-loss image kept, the
     * iterate average, progress events. Measured 2026-12-03 on the 2-core Xeon (AMX), SqueezeNet and VGG-19 at 256
     * and 512 px in fp32 and bf16: runs took 1.3-1.5x the estimate without this factor (docs/performance.md).
     */
    static final double RUN_OVERHEAD = 1.3;

    private TimeEstimate() {
    }

    /**
     * The share of the fp32 matrix-product peak one iteration reaches. VGG's large 3x3 convolutions run at the peak
     * (bench, 2026-12-03, 2-core Xeon with AMX: 101-106% at 256-512 px); in bf16 oneDNN goes well past the fp32 peak,
     * 2.3-2.6x with AMX, 1.55x with AVX512_BF16 (REFERENCE 10). SqueezeNet's small layers are bound by per-operation
     * overhead: 9-11% in either precision.
     */
    static double peakShare(NetworkArchitecture architecture, Precision precision, CpuFeatures cpu) {
        if (!architecture.name().startsWith("vgg")) {
            return 0.10;
        }
        return largeProductShare(precision, cpu);
    }

    /**
     * The share of the fp32 peak that large matrix products reach in this precision: VGG's convolutions and the
     * neighbour search alike (the search's product of 266 x 1600 by 1600 x 60000 measured 590 GFLOP/s in bf16
     * against 230 in fp32 on the 2-core Xeon with AMX, 2.6x).
     */
    static double largeProductShare(Precision precision, CpuFeatures cpu) {
        if (precision != Precision.BF16 || !cpu.hasBf16()) {
            return 1.0;
        }
        return cpu.flags().contains("amx_bf16") ? 2.4 : 1.55;
    }

    /** The estimated wall time of a run's stages with these layers, at a measured fp32 peak in GFLOP/s. */
    public static Duration of(NetworkArchitecture architecture, Collection<String> layers, List<Stage> stages,
                              boolean tiled, double peakGflops, Precision precision, CpuFeatures cpu) {
        return estimate(architecture, layers, stages, tiled ? TILED_FACTOR : 1, 0, peakGflops, precision, cpu);
    }

    /** Stages of iterations each costing factor x the cost model's, and, with a depth, a neighbour search each. */
    private static Duration estimate(NetworkArchitecture architecture, Collection<String> layers, List<Stage> stages,
                                     double factor, int searchDepth, double peakGflops, Precision precision,
                                     CpuFeatures cpu) {
        double rate = peakGflops * 1e9 * peakShare(architecture, precision, cpu);
        double seconds = SETUP_SECONDS;
        for (Stage stage : stages) {
            double flops = FlopCount.iteration(architecture, layers, stage.width(), stage.height());
            seconds += stage.iterations() * flops / rate * RUN_OVERHEAD * factor;
            double cells = Math.max(1, stage.width() / 4) * (double) Math.max(1, stage.height() / 4);
            double searchFlops = 2 * 2 * cells * 4 * cells * searchDepth;
            seconds += searchFlops / (peakGflops * 1e9) * (1 + 1 / largeProductShare(precision, cpu));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * Neural neighbours' iteration against Gram's on the same network and size: the hypercolumns (every layer
     * resized to the grid, averaged, with their gradients) and the deeper layers they reach. Measured with the
     * built-in SqueezeNet at 512 x 341 (2-core Xeon, 2026-12-03): 0.207 s against 0.105 s (0.245 s before the
     * cosine was summed layer by layer).
     */
    static final double NEIGHBOUR_ITERATION_FACTOR = 2.0;

    /**
     * The estimated wall time of a neural-neighbour run: its iterations at {@link #NEIGHBOUR_ITERATION_FACTOR}
     * times the Gram estimate's (whole or tiled), and at each stage the search: the painting's four turns' hypercolumns against the
     * picture's, about as many as the picture's each, twice (the distances to the nearest query first), 2 flops
     * per product term at the rate large products reach in the run's precision, plus as long as they take at the
     * fp32 peak for reading and preparing them (measured:
     * 12.5 s of setup at 512 x 341 with Starry Night and SqueezeNet's depth of 1600, 10 s of them the search).
     */
    public static Duration ofNeighbours(NetworkArchitecture architecture, Collection<String> layers, List<Stage> stages,
                                       int depth, boolean tiled, double peakGflops, Precision precision,
                                       CpuFeatures cpu) {
        return estimate(architecture, layers, stages, NEIGHBOUR_ITERATION_FACTOR * (tiled ? TILED_FACTOR : 1), depth,
                peakGflops, precision, cpu);
    }

    /** "40 s", "12 min", "2.5 h": as precise as an estimate within a factor of two deserves. */
    public static String words(Duration duration) {
        double s = duration.toMillis() / 1000.0;
        if (s < 90) {
            return Math.max(1, Math.round(s / (s < 20 ? 1 : 5)) * (s < 20 ? 1 : 5)) + " s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
