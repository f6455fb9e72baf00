package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.network.FlopCount;
import org.neuralstyle.network.SqueezeNet;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void timesEachCaseInItsOwnJvmAndWritesTableAndJson() throws IOException {
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "--networks", "squeezenet", "--sizes", "64,96", "--iterations", "2",
                "--warmup", "1", "--peak-size", "128", "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("peak: 128 x 128 matrix product").contains("ms/iter").contains("of peak");
        assertThat(run.out().lines().filter(l -> l.startsWith("squeezenet1.1 ")).count()).isEqualTo(2);

        String text = Files.readString(json);
        assertThat(text).contains("\"kernel\": \"matmul\"").contains("\"share_of_peak\"");
        // The reported FLOPs are the analytic count for the loss layers, and the rate follows from the time.
        Matcher m = Pattern.compile("\"size\": 96, \"tile_size\": 0, \"precision\": \"(?:fp32|bf16)\", \"ms_per_iteration\": ([0-9.]+), \"min_ms\": [0-9.]+, "
                + "\"gflop_per_iteration\": ([0-9.]+), \"gflops\": ([0-9.]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        double ms = Double.parseDouble(m.group(1));
        double gflop = Double.parseDouble(m.group(2));
        assertThat(gflop).isCloseTo(FlopCount.iteration(SqueezeNet.v1_1(), List.of("fire5"), 96, 96) / 1e9,
                org.assertj.core.api.Assertions.within(1e-3));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(gflop / (ms / 1000),
                org.assertj.core.api.Assertions.withinPercentage(1));
        // Each case ran in its own JVM and reports that JVM's peak memory.
        assertThat(text).containsPattern("\"peak_rss_bytes\": [1-9][0-9]{7,}");
    }

    /**
     * Whole and tiled evaluation, fp32 and bf16, compared in one run on one machine: one row each. Where the
     * processor has no bf16, the bf16 cases run in fp32 and say so once.
     */
    @Test
    void tiledAndBf16CasesAreTimedBesideTheWholeFp32Image() throws IOException {
        Path json = dir.resolve("tiled.json");
        CliRun run = CliRun.of("bench", "--networks", "vgg19", "--sizes", "64", "--tile-sizes", "0,32",
                "--precisions", "fp32,bf16", "--iterations", "1", "--warmup", "0", "--peak-size", "128",
                "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(l -> l.startsWith("vgg19 ")).toList();
        assertThat(rows).hasSize(4);
        boolean bf16 = org.neuralstyle.engine.CpuFeatures.ofThisMachine().hasBf16();
        String second = bf16 ? "bf16" : "fp32";
        assertThat(rows.get(0)).contains(" whole, fp32 ");
        assertThat(rows.get(1)).contains(" whole, " + second + " ");
        assertThat(rows.get(2)).contains(" 32 px tiles, fp32 ");
        assertThat(rows.get(3)).contains(" 32 px tiles, " + second + " ");
        assertThat(run.err().contains("--precision bf16: this processor has no AVX512_BF16")).isEqualTo(!bf16);
        assertThat(Files.readString(json)).contains("\"size\": 64, \"tile_size\": 0, \"precision\": \"fp32\"")
                .contains("\"size\": 64, \"tile_size\": 32, \"precision\": \"" + second + "\"");
    }

    @Test
    void unknownNetworkOrTinySizeIsOneLine() {
        CliRun run = CliRun.of("bench", "--networks", "alexnet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("--networks").contains("alexnet");
        CliRun small = CliRun.of("bench", "--sizes", "8");
        assertThat(small.exitCode()).isEqualTo(1);
        assertThat(small.err()).contains("--sizes must be at least 32");
        CliRun tiles = CliRun.of("bench", "--tile-sizes", "-256");
        assertThat(tiles.exitCode()).isEqualTo(1);
        assertThat(tiles.err().lines().toList()).hasSize(1);
        assertThat(tiles.err()).contains("--tile-sizes").contains("-256");
    }

    @Test
    void timeToQualityRacesEveryMethodToAdamsLossOnRealImages() throws IOException {
        Path json = dir.resolve("ttq.json");
        CliRun run = CliRun.of("bench", "time-to-quality",
                "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(),
                "--weights", BuiltInSqueezeNet.file().toString(),
                "--width", "128", "--iterations", "20,60", "--coarse-iterations", "20", "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(l -> l.matches("^(adam|default|lbfgs|coarse-to-fine).*")).toList();
        assertThat(rows).hasSize(10); // five methods, two targets each
        assertThat(rows.get(0)).startsWith("adam").contains(" 20 ").contains("1.00x");
        assertThat(rows.get(1)).startsWith("adam").contains(" 60 ").contains("1.00x");
        String text = Files.readString(json);
        assertThat(text).contains("\"method\": \"coarse-to-fine+lbfgs\"");
        // The plain command's own budget (SqueezeNet: 300), not Adam's 60: it reaches Adam's 20-iteration loss.
        assertThat(text).containsPattern("\"method\": \"default\", \"target_adam_iterations\": 20, "
                + "\"target_loss\": [^,]+, \"reached\": true");
        // L-BFGS reaches Adam's 20-iteration loss on a real photo within the budget.
        assertThat(text).containsPattern("\"method\": \"lbfgs\", \"target_adam_iterations\": 20, "
                + "\"target_loss\": [^,]+, \"reached\": true");
    }

    @Test
    void timeToQualityRacesOnlyTheChosenMethodsAndNamesAnUnknownOne() {
        String[] common = {"bench", "time-to-quality",
                "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(),
                "--weights", BuiltInSqueezeNet.file().toString(),
                "--width", "128", "--iterations", "10"};
        CliRun run = CliRun.of(concat(common, "--methods", "lbfgs"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.matches("^(adam|default|lbfgs|coarse-to-fine).*")))
                .extracting(l -> l.split(" ")[0]).containsExactly("adam", "lbfgs");
        CliRun bad = CliRun.of(concat(common, "--methods", "lbfgs,newton"));
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).contains("--methods").contains("'newton'").contains("coarse-to-fine+adam");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
