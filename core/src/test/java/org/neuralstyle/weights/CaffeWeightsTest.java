package org.neuralstyle.weights;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.CaffeFiles;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.TestNetworks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeWeightsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "legacy V1 layers: {0}")
    @ValueSource(booleans = {true, false})
    void caffeAndMatConvNetFilesOfTheSameNetworkLoadToTheSameTensors(boolean legacy) throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        NetworkWeights weights = TestNetworks.randomWeights(arch, 12);
        Path mat = dir.resolve("w.mat");
        Path caffe = dir.resolve("VGG_ILSVRC_19_layers.caffemodel");
        MatConvNetFiles.write(weights, InputNormalization.IMAGENET_MEAN_RGB, mat);
        CaffeFiles.write(weights, caffe, legacy);
        NetworkWeights fromMat = WeightFiles.load(mat, arch);
        NetworkWeights fromCaffe = WeightFiles.load(caffe, arch);
        for (var conv : arch.convolutions()) {
            assertThat(Arrays.mismatch(fromCaffe.convolution(conv.name()).kernel(), fromMat.convolution(conv.name()).kernel()))
                    .as(conv.name()).isEqualTo(-1);
            assertThat(fromCaffe.convolution(conv.name()).bias()).containsExactly(fromMat.convolution(conv.name()).bias());
        }
        assertThat(fromCaffe.normalization().meanRgb()).containsExactly(fromMat.normalization().meanRgb());
    }

    @Test
    void wrongNetworkAndTruncatedFilesAreNamed() throws IOException {
        Path caffe = dir.resolve("tiny.caffemodel");
        CaffeFiles.write(TestNetworks.randomWeights(TestNetworks.tinyVgg(), 1), caffe, true);
        assertThatThrownBy(() -> WeightFiles.load(caffe, Vgg.vgg19())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("tiny.caffemodel").hasMessageContaining("conv1_1").hasMessageContaining("expected");
        byte[] bytes = Files.readAllBytes(caffe);
        Path cut = dir.resolve("cut.caffemodel");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> WeightFiles.load(cut, TestNetworks.tinyVgg())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("cut.caffemodel").hasMessageContaining("truncated or corrupt");
    }
}
