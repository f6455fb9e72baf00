package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first ten minutes: the README's first command, in its own words, paints on a machine that cannot
 * download anything; a phone-sized photo is painted at a size that finishes, with an estimate said beforehand.
 */
class FirstUseTest {

    @TempDir
    Path dir;

    /** The README's first command, as its words stand: the program's arguments after {@code ./neural-style}. */
    static List<String> readmeFirstCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        String first = lines.get(lines.indexOf("```sh") + 1);
        assertThat(first).startsWith("./neural-style ");
        return Arrays.asList(first.substring("./neural-style ".length()).trim().split("\\s+"));
    }

    @Test
    void theReadmesFirstCommandPaintsOfflineWithAnEmptyCache() throws Exception {
        List<String> args = readmeFirstCommand();
        // Real files under the names the README uses.
        Files.copy(SharedData.media("content/china.jpg"), dir.resolve(valueOf(args, "--content")));
        Files.copy(SharedData.media("style/starry_night.jpg"), dir.resolve(valueOf(args, "--styles")));
        Path cache = Files.createDirectories(dir.resolve("empty-cache"));
        int refusing;
        try (ServerSocket closed = new ServerSocket(0)) {
            refusing = closed.getLocalPort(); // nothing listens there once closed: every connection is refused
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAMPercentage=70", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + refusing,
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + refusing,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("NEURAL_STYLE_CACHE", cache.toString());
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        RgbImage painted = ImageFiles.read(dir.resolve(valueOf(args, "--output")));
        assertThat(Math.max(painted.width(), painted.height())).isEqualTo(512);
        List<String> builtIn = err.lines().filter(l -> l.contains("built-in SqueezeNet")).toList();
        assertThat(builtIn).as(err).hasSize(1);
        assertThat(builtIn.get(0)).contains("could not be downloaded").contains("neural-style models download vgg19");
        assertThat(out).contains("wrote " + valueOf(args, "--output"));

        // The same command again: the picture is there; one line says so, before any download is tried.
        Process again = builder.start();
        again.getOutputStream().close();
        again.getInputStream().readAllBytes();
        String againErr = new String(again.getErrorStream().readAllBytes());
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).isEqualTo(1);
        assertThat(againErr.lines().toList()).as(againErr).hasSize(1);
        assertThat(againErr).contains("already exists (pass --overwrite to replace it)");
    }

    @Test
    void aPhoneSizedPhotoIsPaintedAt512PxWithAnEstimateWithinTwiceTheTime() throws Exception {
        RgbImage photo = ImageFiles.read(SharedData.media("content/china.jpg"));
        Path big = dir.resolve("phone.jpg");
        ImageFiles.write(Resampling.resize(photo, 3000, 2001), big);
        Path output = dir.resolve("out.png");

        long start = System.nanoTime();
        CliRun run = CliRun.of("--content", big.toString(), "--styles", SharedData.media("style/the_scream.jpg").toString(),
                "--output", output.toString(), "--network", "squeezenet", "--iterations", "100", "--seed", "3");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(run.exitCode()).as(run.err()).isZero();
        RgbImage painted = ImageFiles.read(output);
        assertThat(painted.width()).isEqualTo(512);
        assertThat(painted.height()).isEqualTo(342);
        assertThat(run.err()).contains("painting at 512 x 342 (the photo is 3000 x 2001); --width 3000 paints it at full size");
        Matcher estimate = Pattern.compile("512 x 342, squeezenet1.1, 100 iterations: about (\\d+) (s|min) here")
                .matcher(run.out());
        assertThat(estimate.find()).as(run.out()).isTrue();
        double estimated = Double.parseDouble(estimate.group(1)) * (estimate.group(2).equals("min") ? 60 : 1);
        assertThat(estimated).as("estimate against %.1f s measured", seconds).isBetween(seconds / 2, seconds * 2);
    }

    @Test
    void aSmallPhotoKeepsItsSizeAndWidthEnlargesOnlyWhenAsked() throws Exception {
        Path small = dir.resolve("small.png");
        ImageFiles.write(Resampling.toWidth(ImageFiles.read(SharedData.media("content/chelsea.png")), 96), small);
        String style = SharedData.media("style/starry_night.jpg").toString();

        CliRun own = CliRun.of("--content", small.toString(), "--styles", style, "--output", dir.resolve("a.png").toString(),
                "--network", "squeezenet", "--iterations", "2");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(ImageFiles.read(dir.resolve("a.png")).width()).isEqualTo(96);
        assertThat(own.err()).doesNotContain("full size");

        CliRun enlarged = CliRun.of("--content", small.toString(), "--styles", style, "--output",
                dir.resolve("b.png").toString(), "--network", "squeezenet", "--iterations", "2", "--width", "128");
        assertThat(enlarged.exitCode()).as(enlarged.err()).isZero();
        assertThat(ImageFiles.read(dir.resolve("b.png")).width()).isEqualTo(128);
    }

    /** --help in groups with headings, the common options on the first screen, every option still listed. */
    @Test
    void helpComesInGroupsWithTheCommonOnesFirst() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        List<String> lines = help.out().lines().toList();
        List<String> headings = lines.stream().filter(l -> l.matches("[A-Z][a-z ]+:")).toList();
        assertThat(headings).containsSubsequence("Input and output:", "Style:", "Size and memory:", "Colour:",
                "Optimisation:", "Network and weights:");
        assertThat(String.join("\n", lines.subList(0, 12))).contains("--content").contains("--styles").contains("--output");
        for (picocli.CommandLine.Model.OptionSpec option : Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).getCommandSpec().options()) {
            // A negatable option is listed as --[no-]name.
            assertThat(help.out()).as("every option listed").contains(option.negatable()
                    ? option.longestName().substring(2) : option.longestName());
        }
        CliRun video = CliRun.of("video", "--help");
        assertThat(video.out()).contains("Video:").contains("--temporal-weight").contains("early-stop");
    }

    private static String valueOf(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }
}
