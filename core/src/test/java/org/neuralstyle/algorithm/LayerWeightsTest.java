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
        Map<String, Double> w = LayerWeights.styleLayers(equal("a", "b", "c"), 2);
        assertThat(w.get("a")).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(w.get("b")).isCloseTo(2 / 7.0, within(1e-12));
        assertThat(w.get("c")).isCloseTo(4 / 7.0, within(1e-12));
        assertThat(w.keySet()).containsExactly("a", "b", "c");
    }

    @Test
    void defaultExponentWeighsLayersEqually() {
        Map<String, Double> w = LayerWeights.styleLayers(equal("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), 1);
        assertThat(w.values()).allSatisfy(v -> assertThat(v).isCloseTo(0.2, within(1e-12)));
    }

    @Test
    void perLayerBaseWeightsAreKeptThenScaledByTheExponent() {
        // CS231n's SqueezeNet weights 20000 : 500 : 12 : 1, exponent 1: 20000/20513, ...
        Map<String, Double> base = new java.util.LinkedHashMap<>();
        base.put("relu0", 20000.0);
        base.put("fire3", 500.0);
        base.put("fire4", 12.0);
        base.put("fire5", 1.0);
        Map<String, Double> w = LayerWeights.styleLayers(base, 1);
        assertThat(w.get("relu0")).isCloseTo(20000 / 20513.0, within(1e-12));
        assertThat(w.get("fire5")).isCloseTo(1 / 20513.0, within(1e-12));
        // exponent 2 on top: 20000, 1000, 48, 8 of 21056
        assertThat(LayerWeights.styleLayers(base, 2).get("fire5")).isCloseTo(8 / 21056.0, within(1e-12));
        assertThat(w.keySet()).containsExactly("relu0", "fire3", "fire4", "fire5");
    }

    private static Map<String, Double> equal(String... layers) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (String l : layers) {
            m.put(l, 1.0);
        }
        return m;
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
