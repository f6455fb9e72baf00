package org.neuralstyle.network;

import org.junit.jupiter.api.Test;
import org.neuralstyle.testing.GraphRunner;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The input conventions and the feature scale that puts every weights file's features on one scale. */
class InputNormalizationTest {

    @Test
    void imagenetStdIsTheZeroToOneMeanStdPreprocessing() {
        InputNormalization n = InputNormalization.imagenetStd();
        assertThat(n.meanRgb()[0]).isEqualTo(0.485f * 255);
        assertThat(n.scaleRgb()[2]).isCloseTo(1 / (255 * 0.225f), within(1e-9f));
        // 255 x the geometric mean of the stds (0.229, 0.224, 0.225) = 57.627
        assertThat(n.featureScale()).isCloseTo(255 * Math.cbrt(0.229 * 0.224 * 0.225), within(1e-4));
        assertThat(n.featureScale()).isCloseTo(57.63, within(0.01));
        assertThat(InputNormalization.caffe().featureScale()).isEqualTo(1.0);
    }

    @Test
    void theNetworkHandsOutFeaturesOnTheZeroTo255Scale() {
        // One 1x1 identity convolution: the feature is the normalised input, then times the feature scale, so
        // (x - mean) * scale * featureScale; with equal scales that is (x - mean) again.
        NetworkArchitecture arch = new NetworkArchitecture("identity", List.of(new Layer.Convolution("c", 1, 3, 3)),
                List.of("c"), List.of("c"));
        float[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        InputNormalization norm = new InputNormalization(new float[] {10, 20, 30}, new float[] {0.5f, 0.5f, 0.5f});
        NetworkWeights weights = new NetworkWeights(arch,
                Map.of("c", new org.neuralstyle.network.ConvolutionWeights(1, 1, 3, 3, identity, new float[3])), norm, "id");
        float[] pixel = {110, 70, 40};
        float[] features = GraphRunner.evaluate(tf -> new FeatureNetwork(tf, weights, Pooling.MAX)
                .apply(tf.constant(Shape.of(1, 1, 1, 3), DataBuffers.of(pixel, true, false)), List.of("c")).get("c"));
        assertThat(norm.featureScale()).isCloseTo(2.0, within(1e-9));
        assertThat(features).containsExactly(new float[] {100, 50, 10}, within(1e-4f));
    }
}
