package org.neuralstyle.weights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.KerasFiles;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.TestNetworks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KerasWeightsTest {

    @TempDir
    Path dir;

    @Test
    void kerasAndMatConvNetFilesOfTheSameNetworkLoadToTheSameTensors() throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        NetworkWeights weights = TestNetworks.randomWeights(arch, 8);
        Path mat = dir.resolve("w.mat");
        Path h5 = dir.resolve("w.weights");  // recognised by content, not by extension
        MatConvNetFiles.write(weights, imagenetMean(), mat);
        KerasFiles.write(weights, h5);
        NetworkWeights fromMat = WeightFiles.load(mat, arch);
        NetworkWeights fromKeras = WeightFiles.load(h5, arch);
        for (var conv : arch.convolutions()) {
            assertThat(Arrays.mismatch(fromKeras.convolution(conv.name()).kernel(), fromMat.convolution(conv.name()).kernel()))
                    .as(conv.name()).isEqualTo(-1);
            assertThat(fromKeras.convolution(conv.name()).bias()).containsExactly(fromMat.convolution(conv.name()).bias());
        }
        assertThat(fromKeras.normalization().meanRgb()).containsExactly(fromMat.normalization().meanRgb());
    }

    @Test
    void wrongNetworkAndTruncatedFilesAreNamed() throws IOException {
        Path h5 = dir.resolve("tiny.h5");
        KerasFiles.write(TestNetworks.randomWeights(TestNetworks.tinyVgg(), 1), h5);
        assertThatThrownBy(() -> WeightFiles.load(h5, Vgg.vgg19())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("tiny.h5").hasMessageContaining("block1_conv1").hasMessageContaining("expected");
        byte[] bytes = Files.readAllBytes(h5);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> WeightFiles.load(cut, TestNetworks.tinyVgg())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("cut.h5");
    }

    private static float[] imagenetMean() {
        return org.neuralstyle.network.InputNormalization.IMAGENET_MEAN_RGB;
    }
}
