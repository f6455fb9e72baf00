package org.neuralstyle.weights;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.SqueezeNet;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.OnnxFiles;
import org.neuralstyle.testing.SharedData;
import org.neuralstyle.testing.TestNetworks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxWeightsTest {

    @TempDir
    Path dir;

    @Test
    void onnxAndMatConvNetFilesOfTheSameWeightsLoadToTheSameTensors() throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        NetworkWeights weights = TestNetworks.randomWeights(arch, 5);
        Path mat = dir.resolve("w.mat");
        Path raw = dir.resolve("raw.onnx");
        Path packed = dir.resolve("packed.onnx");
        MatConvNetFiles.write(weights, new float[] {1, 2, 3}, mat);
        OnnxFiles.write(weights, raw, true);
        OnnxFiles.write(weights, packed, false);
        NetworkWeights fromMat = WeightFiles.load(mat, arch);
        for (Path onnx : new Path[] {raw, packed}) {
            NetworkWeights fromOnnx = WeightFiles.load(onnx, arch);
            for (var conv : arch.convolutions()) {
                assertThat(Arrays.mismatch(fromOnnx.convolution(conv.name()).kernel(),
                        fromMat.convolution(conv.name()).kernel())).as(conv.name()).isEqualTo(-1);
                assertThat(fromOnnx.convolution(conv.name()).bias()).containsExactly(fromMat.convolution(conv.name()).bias());
            }
        }
    }

    @Test
    void readsTheRealSqueezeNetFile() throws IOException {
        Path file = BuiltInSqueezeNet.file();
        NetworkWeights w = WeightFiles.load(file, SqueezeNet.v1_1());
        assertThat(w.convolutions()).hasSize(26);
        assertThat(w.convolution("conv25").outputChannels()).isEqualTo(1000);
        // ImageNet normalisation on the 0..1 scale: mean 0.485 * 255 for red
        assertThat(w.normalization().meanRgb()[0]).isEqualTo(0.485f * 255);
    }

    @Test
    void theWrongNetworkForTheFileIsNamed() throws IOException {
        Path file = BuiltInSqueezeNet.file();
        assertThatThrownBy(() -> WeightFiles.load(file, Vgg.vgg19())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("squeezenet1.1.onnx").hasMessageContaining("expected").hasMessageContaining("conv1_2");
        NetworkWeights tiny = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 1);
        Path small = dir.resolve("tiny.onnx");
        OnnxFiles.write(tiny, small, true);
        assertThatThrownBy(() -> WeightFiles.load(small, SqueezeNet.v1_1())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("has 3 convolutions, squeezenet1.1 needs 26");
    }

    @Test
    void truncatedOnnxFileIsAFormatError() throws IOException {
        Path file = BuiltInSqueezeNet.file();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> WeightFiles.load(cut, SqueezeNet.v1_1())).isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("cut.onnx").hasMessageContaining("truncated or corrupt");
    }
}
