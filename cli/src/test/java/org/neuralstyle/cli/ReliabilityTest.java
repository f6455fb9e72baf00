package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.testing.SharedData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing cryptic: outputs that cannot be written are found before any work, a disk that fills
 * during the run does not lose the result, damaged images are reported, impossible sizes are refused with a
 * size that fits. Read-only and full disks are real (small tmpfs mounts).
 */
class ReliabilityTest {

    private final Path content = SharedData.media("content/chelsea.png");
    private final Path style = SharedData.media("style/starry_night.jpg");

    @TempDir
    Path dir;

    /** A quick SqueezeNet run's arguments, with option/value pairs replaced or added. */
    private List<String> args(Path output, String... overrides) {
        Path weights = BuiltInSqueezeNet.file();
        return CliRun.overridden(List.of("--network", "squeezenet", "--weights", weights.toString(),
                "--content", content.toString(), "--styles", style.toString(), "--output", output.toString(),
                "--width", "64", "--iterations", "2", "--initial", "content"), overrides);
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("neural-style: ").doesNotContain("Exception").doesNotContain(".part");
        for (String f : fragments) {
            assertThat(lines.get(0)).contains(f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--output", "--progress-plot", "--checkpoint-output"})
    void anOutputOnAReadOnlyDiskIsRefusedBeforeAnyWork(String option) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("ro"));
        try (SmallDisk disk = SmallDisk.mount(mount, "size=1m,ro")) {
            Path target = disk.folder().resolve(option.equals("--checkpoint-output") ? "out_%s.png" : "out.png");
            Path output = option.equals("--output") ? target : dir.resolve("out.png");
            List<String> args = args(output);
            if (!option.equals("--output")) {
                args.addAll(List.of(option, target.toString()));
            }
            if (option.equals("--checkpoint-output")) {
                args.addAll(List.of("--checkpoint-iterations", "1"));
            }
            // A weights file that does not exist: the outputs are checked before anything is loaded.
            args.set(args.indexOf("--weights") + 1, dir.resolve("missing.onnx").toString());
            CliRun run = run(args);
            assertOneLine(run, option, disk.folder().toString(), "Read-only file system");
            assertThat(output).doesNotExist();
        }
    }

    @Test
    void aDiskTooSmallForTheOutputsIsRefusedBeforeAnyWork() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small"));
        try (SmallDisk disk = SmallDisk.mount(mount, "size=200k")) {
            Path output = disk.folder().resolve("out.png");
            List<String> args = args(output, "--width", "1024");
            args.set(args.indexOf("--weights") + 1, dir.resolve("missing.onnx").toString());
            CliRun run = run(args);
            assertOneLine(run, "--output " + output, "free there", "need up to");
            assertThat(output).doesNotExist();
        }
    }

    /**
     * The disk fills while the run is under way (after every check passed): the result is written to the rescue
     * folder in the cache, the one-line error names it, and nothing half-written is left on the full disk.
     */
    @Test
    void aDiskThatFillsDuringTheRunKeepsTheResultAndSaysWhere() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("filling"));
        Path cache = Files.createDirectory(dir.resolve("cache"));
        try (SmallDisk disk = SmallDisk.mount(mount, "size=2m")) {
            Path output = disk.folder().resolve("out.png");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args(output, "--iterations", "600", "--print-iterations", "1"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("NEURAL_STYLE_CACHE", cache.toString());
            Process process = builder.start();
            StringBuilder printed = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                boolean filled = false;
                while ((line = lines.readLine()) != null) {
                    printed.append(line).append('\n');
                    if (!filled && line.startsWith("iteration 1/")) {
                        fill(disk.folder().resolve("filler"));
                        filled = true;
                    }
                }
                assertThat(filled).as(printed.toString()).isTrue();
            }
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(printed.toString()).isEqualTo(1);
            List<String> errors = printed.toString().lines().filter(l -> l.startsWith("neural-style:")).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("--output " + output + ": cannot write (No space left on device)")
                    .contains("the result is safe in " + cache.resolve("rescued")).doesNotContain(".part");
            Path rescued;
            try (Stream<Path> files = Files.list(cache.resolve("rescued"))) {
                rescued = files.findFirst().orElseThrow();
            }
            assertThat(errors.get(0)).contains(rescued.toString());
            assertThat(ImageFiles.read(rescued).width()).isEqualTo(64);
            try (Stream<Path> left = Files.list(disk.folder())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("filler");
            }
        }
    }

    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full
        }
    }

    @Test
    void aTruncatedJpegIsWarnedAboutInOneLineAndStillPainted() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.media("content/china.jpg"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Path output = dir.resolve("out.png");
        List<String> args = args(output);
        args.set(args.indexOf("--content") + 1, cut.toString());
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("neural-style: warning: --content " + cut + " is damaged (")
                .contains("grey");
        assertThat(output).exists();
    }

    @Test
    void aTruncatedPngThatCannotBeDecodedIsAOneLineError() throws IOException {
        byte[] whole = Files.readAllBytes(content);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 3));
        List<String> args = args(dir.resolve("out.png"));
        args.set(args.indexOf("--styles") + 1, cut.toString());
        assertOneLine(run(args), "cut.png", "damaged or truncated");
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    @Test
    void aWebpContentImageIsPainted() throws IOException {
        Path webp = dir.resolve("photo.webp");
        try (InputStream in = getClass().getResourceAsStream("/images/gradient-lossless.webp")) {
            Files.copy(in, webp);
        }
        Path output = dir.resolve("out.png");
        List<String> args = args(output, "--width", "64");
        args.set(args.indexOf("--content") + 1, webp.toString());
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageFiles.read(output).width()).isEqualTo(64);
    }

    @Test
    void impossibleSizesAreRefusedWithASizeThatFits() {
        CliRun width = run(args(dir.resolve("out.png"), "--width", "100000000"));
        assertOneLine(width, "--width 100000000: the output would be 100000000x", "pixels wide fits");
        CliRun scale = run(args(dir.resolve("out.png"), "--style-scales", "500"));
        assertOneLine(scale, "--style-scales: style " + style, "a scale of at most");
    }

    /**
     * A run killed outright (kill -9: no shutdown hook, no final write) keeps its best image so far on disk, from a
     * tenth of the run at least; a run that finishes leaves only its picture. Before, nothing was left.
     */
    @Test
    void aRunKilledOutrightKeepsItsBestImageSoFar() throws Exception {
        Path photo = dir.resolve("photo.png");
        ImageFiles.write(org.neuralstyle.image.Resampling.toWidth(ImageFiles.read(SharedData.media("content/chelsea.png")),
                160), photo);
        Path output = dir.resolve("killed.png");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--content", photo.toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(),
                "--network", "squeezenet", "--iterations", "400", "--print-iterations", "1", "--seed", "4"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        builder.environment().put("NEURAL_STYLE_CACHE", dir.resolve("cache").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("iteration 130/400")) {
                    process.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).doesNotExist();
        Path partial = dir.resolve("killed.partial.png");
        assertThat(partial).exists();
        org.neuralstyle.image.RgbImage kept = ImageFiles.read(partial);
        org.neuralstyle.image.RgbImage start = ImageFiles.read(photo); // SqueezeNet starts from the photo
        assertThat(kept.width()).isEqualTo(start.width());
        double difference = 0;
        for (int k = 0; k < kept.pixels().length; k++) {
            difference += Math.abs(kept.pixels()[k] - start.pixels()[k]);
        }
        assertThat(difference / kept.pixels().length).as("painted, not the start").isGreaterThan(5);

        Path finished = dir.resolve("finished.png");
        CliRun run = CliRun.of("--content", photo.toString(), "--styles", SharedData.media("style/starry_night.jpg").toString(),
                "--output", finished.toString(), "--network", "squeezenet", "--iterations", "20");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(finished).exists();
        assertThat(dir.resolve("finished.partial.png")).doesNotExist();
    }
}
