package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LayerWeightsTest {

    @Test
    void styleLayerWeightsGrowByTheExponentAndSumToOne() {
        // exp 2 over three layers: 1, 2, 4 -> 1/7, 2/7, 4/7
        Map<String, Double> w = LayerWeights.styleLayers(List.of("a", "b", "c"), 2);
        assertThat(w.get("a")).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(w.get("b")).isCloseTo(2 / 7.0, within(1e-12));
        assertThat(w.get("c")).isCloseTo(4 / 7.0, within(1e-12));
        assertThat(w.keySet()).containsExactly("a", "b", "c");
    }

    @Test
    void defaultExponentWeighsLayersEqually() {
        Map<String, Double> w = LayerWeights.styleLayers(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), 1);
        assertThat(w.values()).allSatisfy(v -> assertThat(v).isCloseTo(0.2, within(1e-12)));
    }

    @Test
    void contentBlendSplitsBetweenTheTwoContentLayers() {
        assertThat(LayerWeights.contentLayers(List.of("relu4_2", "relu5_2"), 0.25))
                .containsEntry("relu4_2", 0.25).containsEntry("relu5_2", 0.75);
        // blend 1 (the default) leaves relu5_2 out entirely, so it is never computed
        assertThat(LayerWeights.contentLayers(List.of("relu4_2", "relu5_2"), 1)).containsOnlyKeys("relu4_2");
    }

    @Test
    void blendWeightsAreNormalised() {
        assertThat(LayerWeights.normalisedBlend(new double[] {4, 1})).containsExactly(0.8, 0.2);
        assertThatThrownBy(() -> LayerWeights.normalisedBlend(new double[] {0, 0}))
                .hasMessageContaining("must not all be zero");
        assertThatThrownBy(() -> LayerWeights.normalisedBlend(new double[] {1, -1}))
                .hasMessageContaining("non-negative");
    }
}
