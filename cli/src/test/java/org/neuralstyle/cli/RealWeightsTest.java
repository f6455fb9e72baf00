package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline on a real pretrained network (SqueezeNet 1.1), a real photo and a real painting. */
class RealWeightsTest {

    @TempDir
    Path dir;

    @Test
    void paintsTheCatInTheStyleOfStarryNight() throws IOException {
        Path content = SharedData.media("content/chelsea.png");
        Path style = SharedData.media("style/starry_night.jpg");
        Path weights = BuiltInSqueezeNet.file();
        Path output = dir.resolve("cat.png");
        CliRun run = CliRun.of("--network", "squeezenet1.1", "--weights", weights.toString(),
                "--content", content.toString(), "--styles", style.toString(), "--output", output.toString(),
                "--width", "128", "--iterations", "300", "--initial", "content", "--seed", "1",
                "--print-iterations", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Double> style1 = run.styleLosses();
        assertThat(style1).hasSize(7);
        assertThat(style1.get(6)).isLessThan(style1.get(0) / 10);

        RgbImage painted = ImageFiles.read(output);
        RgbImage photo = Resampling.toWidth(ImageFiles.read(content), 128);
        assertThat(painted.width()).isEqualTo(photo.width());
        assertThat(painted.meanAbsoluteDifference(photo)).isGreaterThan(10);
    }

    @Test
    void aWeightsPathInNetworkIsAcceptedAsTheReferenceDid() throws IOException {
        Path weights = org.neuralstyle.testing.RandomVgg19File.get();
        Path output = dir.resolve("ref.png");
        CliRun run = CliRun.of("--network", weights.toString(), "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(),
                "--width", "32", "--iterations", "2", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("network vgg19").contains("MatConvNet");
        assertThat(output).exists();
    }
}
