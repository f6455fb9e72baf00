package org.neuralstyle.weights;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.algorithm.StyleTransferGraph;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.CaffeFiles;
import org.neuralstyle.testing.KerasFiles;
import org.neuralstyle.testing.MatConvNetFiles;
import org.neuralstyle.testing.OnnxFiles;
import org.neuralstyle.testing.TestImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One random VGG-19 written in every real layout a user can have loads to the same network: the same loss and
 * the same gradient (which runs back through every layer) on the same image, to 1e-4 relative. The Keras files
 * are written with the attributes Keras writes (see {@link KerasFiles}); the loader before this test existed
 * guessed dataset names and could not read the downloaded notop layout.
 *
 * <p>ONNX files carry no preprocessing: the Gluon ones take RGB on the 0..1 mean/std scale. They are compared on
 * that point, and then as networks, fed the same normalised input as the others.
 */
class WeightFileEquivalenceTest {

    private static final NetworkArchitecture VGG19 = Vgg.vgg19();
    private static final int SIZE = 32;
    private static final RgbImage CONTENT = TestImages.random(SIZE, SIZE, 1);
    private static final RgbImage STYLE = TestImages.random(24, 20, 2);
    private static final RgbImage IMAGE = TestImages.random(SIZE, SIZE, 3);

    private static NetworkWeights reference;
    private static Result expected;
    private static Path dir;

    private record Result(LossTerms loss, float[] gradient) {
    }

    @BeforeAll
    static void writeEveryLayout() throws IOException {
        reference = NetworkWeights.random(VGG19, 19); // Caffe's convention: RGB here, 0..255 minus the ImageNet mean
        expected = evaluate(reference);
        dir = Files.createTempDirectory("vgg19-layouts");
        KerasFiles.write(reference, dir.resolve("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                KerasFiles.Layout.NOTOP_AS_DOWNLOADED);
        KerasFiles.write(reference, dir.resolve("keras2.h5"), KerasFiles.Layout.KERAS2_RESAVED);
        KerasFiles.write(reference, dir.resolve("keras-full-model.h5"), KerasFiles.Layout.FULL_MODEL);
        MatConvNetFiles.writeBeta16(reference, InputNormalization.IMAGENET_MEAN_RGB, dir.resolve("beta16.mat"));
        MatConvNetFiles.write(reference, InputNormalization.IMAGENET_MEAN_RGB, dir.resolve("beta17.mat"));
        CaffeFiles.write(reference, dir.resolve("v1.caffemodel"), true);
        CaffeFiles.write(reference, dir.resolve("v2.caffemodel"), false);
        OnnxFiles.write(reference, dir.resolve("vgg19-7.onnx"), true, OnnxFiles.Exporter.GLUON, false);
        OnnxFiles.write(reference, dir.resolve("vgg19-bn-7.onnx"), true, OnnxFiles.Exporter.GLUON, true);
    }

    @AfterAll
    static void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", "keras2.h5", "keras-full-model.h5",
            "beta16.mat", "beta17.mat", "v1.caffemodel", "v2.caffemodel"})
    void everyCaffeConventionLayoutGivesTheSameLossAndGradient(String file) throws IOException {
        NetworkWeights loaded = WeightFiles.load(dir.resolve(file), VGG19);
        // beta16's mean is averaged over a 224x224 image: equal to float rounding.
        for (int c = 0; c < 3; c++) {
            assertThat(loaded.normalization().meanRgb()[c]).isCloseTo(InputNormalization.IMAGENET_MEAN_RGB[c],
                    org.assertj.core.api.Assertions.within(1e-3f));
            assertThat(loaded.normalization().scaleRgb()[c]).isEqualTo(1f);
        }
        assertSameAsReference(evaluate(new NetworkWeights(VGG19, loaded.convolutions(), reference.normalization(), file)));
        assertSameAsReference(evaluate(loaded), 1e-3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg19-7.onnx", "vgg19-bn-7.onnx"})
    void onnxFilesWithAndWithoutBatchNormalizationGiveTheSameNetwork(String file) throws IOException {
        WeightCatalogue catalogue = WeightFiles.read(dir.resolve(file));
        assertThat(catalogue.layout()).contains(file.contains("bn") ? "16 BatchNormalization folded" : "no BatchNormalization");
        NetworkWeights loaded = catalogue.bind(VGG19);
        assertThat(loaded.normalization()).usingRecursiveComparison().isEqualTo(InputNormalization.imagenetStd());
        assertSameAsReference(evaluate(new NetworkWeights(VGG19, loaded.convolutions(), reference.normalization(), file)));
    }

    private static void assertSameAsReference(Result actual) {
        assertSameAsReference(actual, 1e-4);
    }

    private static void assertSameAsReference(Result actual, double tolerance) {
        assertThat(relative(actual.loss().content(), expected.loss().content())).isLessThan(tolerance);
        assertThat(relative(actual.loss().style(), expected.loss().style())).isLessThan(tolerance);
        assertThat(relative(actual.loss().total(), expected.loss().total())).isLessThan(tolerance);
        double maxDifference = 0;
        double maxValue = 0;
        for (int i = 0; i < actual.gradient().length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(actual.gradient()[i] - expected.gradient()[i]));
            maxValue = Math.max(maxValue, Math.abs(expected.gradient()[i]));
        }
        assertThat(maxDifference / maxValue).isLessThan(tolerance);
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** The default loss of VGG-19 (content relu4_2, style relu1_1..relu5_1) and its gradient at one image. */
    private static Result evaluate(NetworkWeights weights) {
        StyleTransferOptions options = StyleTransferOptions.defaults(VGG19);
        LossSpec spec = LossSpec.of(options, VGG19, new double[] {1});
        try (StyleTransferGraph graph = new StyleTransferGraph(weights, options.pooling(), spec, SIZE, SIZE,
                EngineSettings.defaults())) {
            graph.setContent(CONTENT);
            graph.setStyles(List.of(STYLE));
            float[] gradient = new float[IMAGE.pixels().length];
            LossTerms loss = graph.evaluate(IMAGE.pixels(), gradient);
            return new Result(loss, gradient);
        }
    }
}
