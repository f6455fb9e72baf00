package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.memory.MemoryModel;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;
import org.neuralstyle.testing.RandomVgg19File;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The memory plan against this machine's measured peaks, and the refusal it gives before any work. */
class MemoryPlanTest {

    @TempDir
    Path dir;

    /** Each size runs in a fresh JVM under bench, which reports that JVM's peak resident memory. */
    @Test
    void theModelIsWithin25PercentOfThePeakMeasuredAtThreeSizes() throws IOException {
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "--networks", "squeezenet", "--sizes", "256,640,1024", "--iterations", "1",
                "--warmup", "1", "--peak-size", "128", "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        NetworkArchitecture arch = Networks.byName("squeezenet");
        Set<String> layers = LossSpec.of(StyleTransferOptions.defaults(arch), arch, new double[] {1}).layers();
        Matcher m = Pattern.compile("\"size\": (\\d+), .*?\"peak_rss_bytes\": (\\d+)").matcher(Files.readString(json));
        int found = 0;
        while (m.find()) {
            int size = Integer.parseInt(m.group(1));
            long measured = Long.parseLong(m.group(2));
            long model = MemoryModel.peakBytes(arch, layers, size, size, size, size);
            assertThat((double) model).as("squeezenet at " + size + " px, measured " + measured).isCloseTo(measured,
                    withinPercentage(25));
            found++;
        }
        assertThat(found).isEqualTo(3);
    }

    @Test
    void aSizeBeyondTheBudgetIsRefusedNamingOneThatFits() {
        Path output = dir.resolve("out.png");
        CliRun run = CliRun.of("--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(),
                "--weights", RandomVgg19File.get().toString(), "--width", "4000", "--max-memory", "3G");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines().toList()).hasSize(1);
        Matcher m = Pattern.compile("--width 4000: the output would be 4000x\\d+ pixels, needing about (\\d+) GB of "
                + "memory; --max-memory allows 3\\.2 GB, so at most about (\\d+) pixels wide fits").matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        // The width named fits the budget by the same model, in the smallest tiles, and a little wider would not.
        NetworkArchitecture vgg = Networks.byName("vgg19");
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg), vgg, new double[] {1});
        int fits = Integer.parseInt(m.group(2));
        double aspect = 300.0 / 451; // chelsea.png
        int halo = org.neuralstyle.algorithm.TiledStyleTransferGraph.exactHalo(vgg, spec.layers());
        assertThat(MemoryModel.tiledPeakBytes(vgg, spec.contentLayers().keySet(), spec.layers(), fits,
                Math.round(fits * aspect), 256, halo)).isLessThanOrEqualTo(3L << 30);
        assertThat(MemoryModel.tiledPeakBytes(vgg, spec.contentLayers().keySet(), spec.layers(), fits + 8,
                Math.round((fits + 8) * aspect), 256, halo)).isGreaterThan(3L << 30);
        assertThat(output).doesNotExist();

        CliRun bad = CliRun.of("--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(),
                "--weights", RandomVgg19File.get().toString(), "--max-memory", "lots");
        assertThat(bad.err().strip()).isEqualTo("neural-style: --max-memory: 'lots' is not a memory size (e.g. 8G, 512M)");
    }

    @Test
    void anExplicitTileSizeRunsTiledToAFinishedImage() throws IOException {
        assertRunsTiledToAFinishedImage("tiled.png");
        CliRun squeeze = CliRun.of("--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", dir.resolve("s.png").toString(),
                "--network", "squeezenet", "--weights", BuiltInSqueezeNet.file()
                        .toString(), "--tile-size", "128");
        assertThat(squeeze.exitCode()).isNotZero();
        assertThat(squeeze.err()).contains("--tile-size: squeezenet1.1 cannot be tiled");
    }

    /** Neural neighbours paint in tiles too (VGG-19): their search and their loss run tile by tile. */
    @Test
    void neighboursRunTiledToAFinishedImage() throws IOException {
        assertRunsTiledToAFinishedImage("neighbours-tiled.png", "--style-loss", "neighbours");
    }

    /**
     * A 288 px picture in 128 px tiles, 3 iterations: finished at its width, the loss falling, and where an
     * iteration is long, plain output says which tile pass it is at (3 x 2 cores, two passes each).
     */
    private void assertRunsTiledToAFinishedImage(String name, String... options) throws IOException {
        Path output = dir.resolve(name);
        List<String> words = new java.util.ArrayList<>(List.of("--content",
                SharedData.media("content/chelsea.png").toString(), "--styles",
                SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(), "--weights",
                RandomVgg19File.get().toString(), "--width", "288", "--tile-size", "128", "--iterations", "3",
                "--print-iterations", "1", "--seed", "2"));
        words.addAll(List.of(options));
        CliRun run = CliRun.of(words.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(org.neuralstyle.image.ImageFiles.read(output).width()).isEqualTo(288);
        List<Double> totals = run.totals();
        assertThat(totals).hasSize(4);
        assertThat(totals.get(3)).isLessThan(totals.get(0));
        assertThat(run.out()).contains("iteration 1/3: tile pass 1/12");
    }
}
