package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.image.Sharpness;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain default command with the real SqueezeNet, on real photos and paintings at 384 px, makes pictures
 * worth keeping: as sharp as the photo (not the blurred 0.2-0.8 of the old defaults, not a noisy mess), no
 * unstylized band along the edges, and the painting's style clearly there.
 */
class DefaultQualityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"chelsea.png, starry_night.jpg", "grace_hopper.jpg, the_scream.jpg", "china.jpg, great_wave.jpg",
            "rocket.jpg, composition_vii.jpg"})
    void theDefaultCommandGivesASharpClearlyStylizedImage(String photo, String painting) throws IOException {
        Path content = SharedData.media("content/" + photo);
        Path output = dir.resolve("out.png");
        CliRun run = CliRun.of("--network", "squeezenet",
                "--weights", BuiltInSqueezeNet.file().toString(),
                "--content", content.toString(), "--styles", SharedData.media("style/" + painting).toString(),
                "--output", output.toString(), "--width", "384", "--print-iterations", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();

        RgbImage result = ImageFiles.read(output);
        RgbImage photoAtSize = Resampling.resize(ImageFiles.read(content), result.width(), result.height());
        double sharpness = Sharpness.ratio(result, photoAtSize);
        assertThat(sharpness).as("sharpness over the photo's").isBetween(0.8, 3.0);

        // The outer 8 rows and columns are as detailed as the rest, allowing for photos whose own borders are
        // busier or calmer than their middle (the rocket's towers stand at the edges).
        double edge = Sharpness.edgeBandRatio(result, 8);
        double photoEdge = Sharpness.edgeBandRatio(photoAtSize, 8);
        assertThat(edge).as("edge band over interior").isBetween(0.8 * Math.min(1, photoEdge), 1.2 * Math.max(1, photoEdge));

        // The default run starts from the photo, so iteration 0's style term is the photo's distance from the
        // painting's statistics: the result must be at least twice as close.
        List<Double> style = run.styleLosses();
        assertThat(style.get(style.size() - 1)).as("style distance, last over first").isLessThan(style.get(0) / 2);
    }
}
