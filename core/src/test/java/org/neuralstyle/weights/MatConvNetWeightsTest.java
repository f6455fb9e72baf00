package org.neuralstyle.weights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.FeatureNetwork;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.TestNetworks;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatConvNetWeightsTest {

    @TempDir
    Path dir;

    /**
     * conv1_1 output channel 0 has a single 1 at kernel row 0, column 1, input R; bias 0.5. Cross-correlation
     * then gives out(y, x) = (R(y-1, x) - meanR) + 0.5: the image shifted DOWN one row (zero above). Swapping
     * the spatial axes (the reference implementation's bug) would shift it RIGHT instead.
     */
    @Test
    void handSetFilterGivesTheKnownFeatureMapWithTheFilesMean() throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        NetworkWeights random = TestNetworks.randomWeights(arch, 3);
        Map<String, ConvolutionWeights> convs = new HashMap<>(random.convolutions());
        float[] kernel = new float[3 * 3 * 3 * 4];
        kernel[ConvolutionWeights.kernelIndex(0, 1, 0, 0, 3, 3, 4)] = 1;
        convs.put("conv1_1", new ConvolutionWeights(3, 3, 3, 4, kernel, new float[] {0.5f, 0, 0, 0}));
        NetworkWeights handSet = new NetworkWeights(arch, convs, random.normalization(), "hand-set");
        Path file = dir.resolve("tiny.mat");
        float[] mean = {10, 20, 30};
        MatConvNetFiles.write(handSet, mean, file);

        NetworkWeights loaded = WeightFiles.load(file, arch);
        assertThat(loaded.normalization().meanRgb()).containsExactly(10, 20, 30);

        int w = 4;
        int h = 3;
        float[] image = new float[w * h * 3];
        for (int i = 0; i < image.length; i++) {
            image[i] = 100 + i;
        }
        float[] conv = featureMap(loaded, image, w, h, "conv1_1");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float expected = y == 0 ? 0.5f : image[((y - 1) * w + x) * 3] - 10 + 0.5f;
                assertThat(conv[(y * w + x) * 4]).as("y=%d x=%d", y, x).isCloseTo(expected, within(1e-4f));
            }
        }
        // Every other layer round-trips exactly.
        assertThat(loaded.convolution("conv2_2").kernel()).containsExactly(random.convolution("conv2_2").kernel());
        assertThat(loaded.convolution("conv2_1").bias()).containsExactly(random.convolution("conv2_1").bias());
    }

    @Test
    void meanPixelIsTheAverageOfAStoredMeanImage() throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        // 2x2x3 column-major: channel slowest; R = {1,2,3,4}, G = {10,10,10,10}, B = {0,0,0,8}
        float[] average = {1, 2, 3, 4, 10, 10, 10, 10, 0, 0, 0, 8};
        Path file = dir.resolve("avg.mat");
        MatConvNetFiles.write(TestNetworks.randomWeights(arch, 1), average, new int[] {2, 2, 3}, file);
        assertThat(WeightFiles.load(file, arch).normalization().meanRgb()).containsExactly(2.5f, 10f, 2f);
    }

    @Test
    void readsAFullVgg19File() throws IOException {
        NetworkArchitecture vgg19 = Vgg.vgg19();
        NetworkWeights weights = TestNetworks.randomWeights(vgg19, 9);
        Path file = dir.resolve("imagenet-vgg-verydeep-19.mat");
        MatConvNetFiles.write(weights, new float[] {123.68f, 116.779f, 103.939f}, file);
        NetworkWeights loaded = WeightFiles.load(file, vgg19);
        assertThat(loaded.convolutions()).hasSize(16);
        for (String layer : List.of("conv1_1", "conv3_4", "conv5_4")) {
            // Arrays.mismatch: -1 when equal (AssertJ's element diff is quadratic on arrays this large)
            assertThat(java.util.Arrays.mismatch(loaded.convolution(layer).kernel(), weights.convolution(layer).kernel()))
                    .as(layer).isEqualTo(-1);
        }
        // A VGG-19 file is not a VGG-16 one, though every VGG-16 layer name is in it with the right shape: its
        // conv4_1 was trained on conv3_4's output, which VGG-16 does not have.
        assertThatThrownBy(() -> WeightFiles.load(file, org.neuralstyle.network.Vgg.vgg16()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("has convolution 'conv3_4' where vgg16 has conv4_1 after conv3_3");
        assertThatThrownBy(() -> WeightFiles.load(file, TestNetworks.tinyVgg()))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("conv1_1").hasMessageContaining("expected");
    }

    @Test
    void missingFileIsReportedByName() {
        Path missing = dir.resolve("nope.mat");
        assertThatThrownBy(() -> WeightFiles.load(missing, Vgg.vgg19()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.mat");
    }

    @Test
    void truncatedFileIsAFormatError() throws IOException {
        NetworkArchitecture arch = TestNetworks.tinyVgg();
        Path file = dir.resolve("whole.mat");
        MatConvNetFiles.write(TestNetworks.randomWeights(arch, 1), new float[] {1, 2, 3}, file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.mat");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> WeightFiles.load(truncated, arch))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("truncated.mat")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void notAMatFileIsAnUnknownFormat() throws IOException {
        Path text = dir.resolve("weights.mat");
        Files.writeString(text, "hello, not weights");
        assertThatThrownBy(() -> WeightFiles.load(text, Vgg.vgg19()))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("weights.mat")
                .hasMessageContaining("unknown weights format");
    }

    @Test
    void missingLayerAndWrongShapeAreNamed() throws IOException {
        NetworkArchitecture tiny = TestNetworks.tinyVgg();
        Path file = dir.resolve("tiny.mat");
        MatConvNetFiles.write(TestNetworks.randomWeights(tiny, 1), new float[] {1, 2, 3}, file);
        assertThatThrownBy(() -> WeightFiles.load(file, Vgg.vgg19()))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("conv1_1")
                .hasMessageContaining("3x3x3x4").hasMessageContaining("expected 3x3x3x64");

        NetworkArchitecture shorter = new NetworkArchitecture("two-layer", tiny.layers().subList(0, 3),
                List.of("relu1_1"), List.of("relu1_1"));
        Path small = dir.resolve("small.mat");
        MatConvNetFiles.write(TestNetworks.randomWeights(shorter, 1), new float[] {1, 2, 3}, small);
        assertThatThrownBy(() -> WeightFiles.load(small, tiny))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("no layer 'conv2_1'");
    }

    @Test
    void matFileWithoutLayersIsNotAModel() throws IOException {
        Path file = dir.resolve("other.mat");
        us.hebi.matlab.mat.types.MatFile mat = us.hebi.matlab.mat.format.Mat5.newMatFile();
        mat.addArray("x", us.hebi.matlab.mat.format.Mat5.newScalar(1));
        us.hebi.matlab.mat.format.Mat5.writeToFile(mat, file.toFile());
        assertThatThrownBy(() -> WeightFiles.load(file, Vgg.vgg19()))
                .isInstanceOf(WeightsFormatException.class).hasMessageContaining("no 'layers' cell array");
    }

    private static float[] featureMap(NetworkWeights weights, float[] image, int w, int h, String layer) {
        try (GraphSession g = new GraphSession(EngineSettings.defaults())) {
            FeatureNetwork net = new FeatureNetwork(g.ops(), weights, Pooling.MAX);
            Operand<TFloat32> input = g.ops().constant(org.tensorflow.ndarray.Shape.of(1, h, w, 3),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(image, true, false));
            Operand<TFloat32> out = net.apply(input, List.of(layer)).get(layer);
            try (Result r = g.session().runner().fetch(out).run()) {
                return Tensors.toArray(r.get(0));
            }
        }
    }
}
