package org.neuralstyle.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.network.FlopCount;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.SqueezeNet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkTest {

    @Test
    void iterationTimingsAreConsistentWithTheFlopCount() {
        NetworkWeights weights = NetworkWeights.random(SqueezeNet.v1_1(), 1);
        IterationBenchmark.Result r = IterationBenchmark.measure(weights, 64, 1, 3, EngineSettings.defaults());
        assertThat(r.network()).isEqualTo("squeezenet1.1");
        assertThat(r.flopsPerIteration()).isEqualTo(FlopCount.iteration(SqueezeNet.v1_1(),
                List.of("fire2", "relu0", "fire3", "fire4", "fire5"), 64, 64));
        // Through fire5 on a 64 px image mirrored to 80 px (the unseen edge): twice the forward pass.
        assertThat(r.flopsPerIteration()).isEqualTo(2 * FlopCount.forward(SqueezeNet.v1_1(), List.of("fire5"), 80, 80));
        assertThat(r.minSeconds()).isPositive().isLessThanOrEqualTo(r.medianSeconds());
        assertThat(r.gflops()).isEqualTo(r.flopsPerIteration() / r.medianSeconds() / 1e9);
        assertThat(r.adamStepSeconds()).isPositive().isLessThan(r.medianSeconds());
        assertThat(r.outsideEngineShare()).isBetween(0.0, 1.0);
    }

    @Test
    void matrixProductPeakIsAPlausibleRate() {
        MatrixProductPeak.Measurement m = MatrixProductPeak.measure(EngineSettings.defaults(), 256, 1, 3);
        assertThat(m.size()).isEqualTo(256);
        // Between a slow interpreter-like rate and far beyond any CPU this test can run on.
        assertThat(m.gflops()).isBetween(0.1, 100_000.0);
        assertThat(m.gflops()).isEqualTo(2.0 * 256 * 256 * 256 / m.medianSeconds() / 1e9);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Timings.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Timings.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Timings.min(new double[] {4, 1, 3})).isEqualTo(1);
    }

    @Test
    void peakMemoryIsReadFromProcStatus(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1000 kB\n");
        assertThat(ProcessMemory.parseHighWaterMark(status)).hasValue(123456L * 1024);
        Files.writeString(status, "Name:\tjava\n");
        assertThat(ProcessMemory.parseHighWaterMark(status)).isEmpty();
    }
}
