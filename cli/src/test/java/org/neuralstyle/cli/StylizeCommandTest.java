package org.neuralstyle.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.testing.RandomVgg19File;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end runs of the command line on real photos and paintings with a random-weight VGG-19 file. */
class StylizeCommandTest {

    private static Path weights;
    private static Path content;
    private static Path style;
    private static Path style2;

    @TempDir
    Path dir;

    @BeforeAll
    static void files() {
        content = SharedData.media("content/chelsea.png");
        style = SharedData.media("style/starry_night.jpg");
        style2 = SharedData.media("style/great_wave.jpg");
        weights = RandomVgg19File.get();
    }

    private CliRun stylize(Path output, String... overrides) {
        return CliRun.withOverrides(List.of("--content", content.toString(),
                "--styles", style.toString(), "--output", output.toString(), "--weights", weights.toString(),
                "--width", "64", "--iterations", "30", "--print-iterations", "1", "--seed", "42"), overrides);
    }

    @Test
    void stylizesAPhotoAndTheLossFalls() throws IOException {
        Path output = dir.resolve("out.png");
        Path plot = dir.resolve("loss.png");
        CliRun run = stylize(output, "--progress-plot", plot.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        RgbImage image = ImageFiles.read(output);
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(43); // 451x300 scaled to width 64
        List<Double> totals = run.totals();
        assertThat(totals).hasSize(31);
        assertThat(totals.get(30)).isLessThan(0.7 * totals.get(0));
        assertThat(ImageFiles.read(plot).width()).isEqualTo(800);
        assertThat(run.out()).contains("wrote " + output);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.png", "loss.png");
        }
    }

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Path c = dir.resolve("c.png");
        // Two styles: --styles takes both paths (picocli accepts the option twice for a list).
        String[] options = {"--iterations", "5", "--style-blend-weights", "1,3", "--styles", style.toString(),
            "--styles", style2.toString()};
        assertThat(CliRun.of(withOutput(options, a)).exitCode()).isZero();
        assertThat(CliRun.of(withOutput(options, b)).exitCode()).isZero();
        String[] otherSeed = java.util.stream.Stream.concat(java.util.Arrays.stream(options),
                java.util.stream.Stream.of("--seed", "7")).toArray(String[]::new);
        CliRun third = CliRun.of(withOutput(otherSeed, c));
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(ImageFiles.read(a).meanAbsoluteDifference(ImageFiles.read(c))).isGreaterThan(0.1);
    }

    /** The full argument list without the default --styles (the options bring their own). */
    private String[] withOutput(String[] options, Path output) {
        List<String> args = new java.util.ArrayList<>(List.of("--content", content.toString(), "--output", output.toString(),
                "--weights", weights.toString(), "--width", "64", "--seed", "42"));
        int seedAt = java.util.Arrays.asList(options).indexOf("--seed");
        if (seedAt >= 0) {
            args.subList(args.size() - 2, args.size()).clear();
        }
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    @Test
    void coarseToFineEndsAtTheLastScaleWidthAndCountsIterationsAcrossScales() throws IOException {
        Path output = dir.resolve("c2f.png");
        CliRun run = stylize(output, "--width", "80", "--scales", "40,80", "--scale-iterations", "20,5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        RgbImage image = ImageFiles.read(output);
        assertThat(image.width()).isEqualTo(80);
        assertThat(image.height()).isEqualTo(53); // 451x300 at width 80
        assertThat(run.totals()).hasSize(26);
        assertThat(run.out()).contains("iteration 25/25").contains("scale 2/2");
    }

    @Test
    void lbfgsIsSelectedAndLowersTheLoss() {
        // The optimisers are compared on a proper budget in StyleTransferTest; here: the option reaches them.
        CliRun lbfgs = stylize(dir.resolve("lbfgs.png"), "--iterations", "20", "--optimizer", "lbfgs", "--lbfgs-history", "5");
        assertThat(lbfgs.exitCode()).as(lbfgs.err()).isZero();
        List<Double> totals = lbfgs.totals();
        assertThat(totals).hasSize(21);
        assertThat(totals.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isLessThan(0.9 * totals.get(0));
        assertThat(stylize(dir.resolve("sgd.png"), "--optimizer", "sgd").err()).contains("--optimizer").contains("sgd");
    }

    @Test
    void aHugeLearningRateCannotPushThePixelsOutOfRange() {
        // Before pixels were kept in 0..255, this ran the loss to infinity; now every step lands on a valid image.
        Path output = dir.resolve("huge.png");
        CliRun run = stylize(output, "--iterations", "10", "--learning-rate", "1e30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.totals()).allSatisfy(total -> assertThat(total).isFinite());
        assertThat(output).exists();
    }

    @Test
    void checkpointsHoldTheBestImageSoFar() throws IOException {
        Path output = dir.resolve("final.png");
        CliRun run = stylize(output, "--iterations", "6", "--checkpoint-output", dir.resolve("ck_%s.png").toString(),
                "--checkpoint-iterations", "3", "--preserve-colors", "--initial", "content", "--pooling", "avg");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("ck_3.png")).exists();
        assertThat(dir.resolve("ck_6.png")).exists();
        // The last checkpoint and the output are the same best image.
        assertThat(ImageFiles.read(dir.resolve("ck_6.png"))).isEqualTo(ImageFiles.read(output));
    }
}
