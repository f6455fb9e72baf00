package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.testing.RandomVgg19File;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input ends with one line naming the file or option, a non-zero exit, no stack trace,
 * and nothing written or overwritten.
 */
class BadInputTest {

    private static Path content;
    private static Path style;
    private static Path weights;

    @TempDir
    Path dir;

    @BeforeAll
    static void files() {
        content = SharedData.media("content/chelsea.png");
        style = SharedData.media("style/starry_night.jpg");
        weights = RandomVgg19File.get();
    }

    /** Runs with valid defaults, replacing or adding the given option/value pairs. */
    private CliRun run(String... overrides) {
        return CliRun.withOverrides(List.of("--content", content.toString(), "--styles", style.toString(),
                "--output", dir.resolve("out.png").toString(), "--weights", weights.toString(),
                "--width", "32", "--iterations", "2"), overrides);
    }

    private void assertOneLineError(CliRun run, String... expectedFragments) throws IOException {
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("neural-style: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String fragment : expectedFragments) {
            assertThat(lines.get(0)).contains(fragment);
        }
        assertThat(dir.resolve("out.png")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()).isEmpty();
        }
    }

    @Test
    void missingContentImage() throws IOException {
        assertOneLineError(run("--content", dir.resolve("nope.jpg").toString()), "nope.jpg", "not found");
    }

    @Test
    void missingStyleImage() throws IOException {
        assertOneLineError(run("--styles", dir.resolve("gone.png").toString()), "gone.png", "not found");
    }

    @Test
    void nonImageFile() throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "this is not a picture");
        assertOneLineError(run("--content", text.toString()), "notes.jpg", "not an image");
    }

    @Test
    void unreadableImage() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.png"));
        assertOneLineError(run("--styles", folder.toString()), "folder.png", "not a readable file");
    }

    @Test
    void missingWeightsFile() throws IOException {
        assertOneLineError(run("--weights", dir.resolve("vgg.mat").toString()), "vgg.mat", "not found");
    }

    @Test
    void truncatedWeightsFile() throws IOException {
        byte[] whole = Files.readAllBytes(weights);
        Path cut = dir.resolve("cut.mat");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 3));
        assertOneLineError(run("--weights", cut.toString()), "cut.mat", "truncated or corrupt");
    }

    @Test
    void weightsFileOfTheWrongLayout() throws IOException {
        // A VGG-19 file read as VGG-16 works (same names); an arbitrary MAT file does not.
        Path other = dir.resolve("other.mat");
        us.hebi.matlab.mat.types.MatFile mat = us.hebi.matlab.mat.format.Mat5.newMatFile();
        mat.addArray("layers", us.hebi.matlab.mat.format.Mat5.newCell(1, 1));
        us.hebi.matlab.mat.format.Mat5.writeToFile(mat, other.toFile());
        assertOneLineError(run("--weights", other.toString()), "other.mat", "no layer 'conv1_1'");
    }

    @Test
    void weightsFileThatIsNotAMatFile() throws IOException {
        Path text = dir.resolve("weights.bin");
        Files.writeString(text, "garbage");
        assertOneLineError(run("--weights", text.toString()), "weights.bin", "unknown weights format");
    }

    @Test
    void negativeWeights() throws IOException {
        assertOneLineError(run("--style-weight", "-1"), "--style-weight", "non-negative");
        assertOneLineError(run("--content-weight", "-0.5"), "--content-weight");
        assertOneLineError(run("--tv-weight", "-3"), "--tv-weight");
    }

    /** L-BFGS's history is checked against the Java heap before the run: 10^7 steps of 32x21 px take 160 GB. */
    @Test
    void lbfgsHistoryBeyondTheHeap() throws IOException {
        assertOneLineError(run("--optimizer", "lbfgs", "--lbfgs-history", "10000000"), "--lbfgs-history 10000000",
                "steps fit");
        assertOneLineError(run("--precision", "fp16"), "--precision", "fp16", "use fp32, bf16 or auto");
    }

    /**
     * Neural neighbours tile (VGG-19 here), but their search's arrays are held whole: an output too large for them
     * even in tiles is refused with the width that fits; the self-similarity content loss is painted whole, so
     * tiles are refused with it; wrong loss names are named.
     */
    @Test
    void neighboursAreCheckedBeforeTheWork() throws IOException {
        assertOneLineError(run("--style-loss", "neighbours", "--width", "2000", "--max-memory", "2G"), "--width 2000",
                "pixels wide fits");
        assertOneLineError(run("--style-loss", "neighbors2"), "--style-loss", "use gram, wasserstein or neighbours");
        assertOneLineError(run("--content-loss", "ssim"), "--content-loss", "use mse or self-similarity");
        assertOneLineError(run("--content-loss", "self-similarity", "--tile-size", "512"), "--tile-size",
                "--content-loss self-similarity paints the output whole");
    }

    @Test
    void zeroIterations() throws IOException {
        assertOneLineError(run("--iterations", "0"), "--iterations", "at least 1");
    }

    @Test
    void blendWeightCountMustMatchStyles() throws IOException {
        assertOneLineError(run("--style-blend-weights", "1,2"), "--style-blend-weights", "2 values for 1 style");
        assertOneLineError(run("--style-scales", "1,2,3"), "--style-scales", "3 values for 1 style");
    }

    @Test
    void scalesMustIncreaseMatchTheirIterationsAndEndAtTheWidth() throws IOException {
        assertOneLineError(run("--width", "64", "--scales", "64,32"), "--scales must increase", "64 then 32");
        assertOneLineError(run("--width", "64", "--scales", "32,64", "--scale-iterations", "5"),
                "--scale-iterations has 1 values for 2 --scales");
        assertOneLineError(run("--width", "64", "--scales", "16,48"), "--scales ends at 48", "--width is 64");
        assertOneLineError(run("--scale-iterations", "5"), "--scale-iterations needs --scales");
        assertOneLineError(run("--width", "64", "--scales", "32,64", "--coarsest-width", "16"),
                "--coarsest-width and --scales both set the scales");
        assertOneLineError(run("--coarsest-width", "1"), "--coarsest-width must be at least 2, got 1");
    }

    @Test
    void anImageTooSmallForTheNetworkIsNamed() throws IOException {
        Path squeezenet = BuiltInSqueezeNet.file();
        assertOneLineError(run("--network", "squeezenet", "--weights", squeezenet.toString(), "--width", "24"),
                "content image is 24x16 pixels", "squeezenet1.1 needs at least 17");
    }

    @Test
    void unknownOptionValues() throws IOException {
        assertOneLineError(run("--pooling", "median"), "--pooling", "median");
        assertOneLineError(run("--network", "resnet"), "--network", "resnet");
        assertOneLineError(run("--learning-rate", "zero"), "--learning-rate", "zero");
        assertOneLineError(run("--content-weight-blend", "1.5"), "--content-weight-blend");
        assertOneLineError(run("--bogus", "1"), "--bogus");
    }

    @Test
    void existingOutputIsNotOverwritten() throws IOException {
        Path out = dir.resolve("out.png");
        Files.writeString(out, "precious");
        CliRun run = run();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("already exists").contains("--overwrite");
        assertThat(Files.readString(out)).isEqualTo("precious");
    }

    @Test
    void outputFolderMustExist() throws IOException {
        assertOneLineError(run("--output", dir.resolve("missing/out.png").toString()), "missing", "does not exist");
    }

    @Test
    void outputExtensionMustBeAnImageFormat() throws IOException {
        assertOneLineError(run("--output", dir.resolve("out.gifx").toString()), "out.gifx", "unsupported");
    }

    @Test
    void checkpointPatternNeedsAPlaceholder() throws IOException {
        assertOneLineError(run("--checkpoint-output", dir.resolve("ck.png").toString(), "--checkpoint-iterations", "1"),
                "--checkpoint-output", "%s");
    }
}
