package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything that shapes the loss: the term weights, which layers carry content and style and with what
 * weight, the normalised blend weight of each style image, and for video frames the temporal weight (0: no
 * temporal term in the graph).
 */
public record LossSpec(double contentWeight, Map<String, Double> contentLayers,
                       double styleWeight, Map<String, Double> styleLayers, double[] styleBlend,
                       double tvWeight, double temporalWeight) {

    public LossSpec {
        // Insertion order is kept so the graph is built the same way every run.
        contentLayers = Collections.unmodifiableMap(new LinkedHashMap<>(contentLayers));
        styleLayers = Collections.unmodifiableMap(new LinkedHashMap<>(styleLayers));
        styleBlend = styleBlend.clone();
    }

    /** The loss of the options over the architecture's default layers, for the given style blend weights. */
    public static LossSpec of(StyleTransferOptions options, NetworkArchitecture architecture, double[] blendWeights) {
        return new LossSpec(
                options.contentWeight(),
                LayerWeights.contentLayers(architecture.defaultContentLayers(), options.contentWeightBlend()),
                options.styleWeight(),
                LayerWeights.styleLayers(architecture.defaultStyleLayers(), options.styleLayerWeightExp()),
                LayerWeights.normalisedBlend(blendWeights),
                options.tvWeight(),
                0);
    }

    public LossSpec withTemporalWeight(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("temporal weight must be a non-negative number, got " + weight);
        }
        return new LossSpec(contentWeight, contentLayers, styleWeight, styleLayers, styleBlend, tvWeight, weight);
    }

    public boolean hasTemporalTerm() {
        return temporalWeight > 0;
    }

    /** Every layer the loss reads, content layers first, in a stable order. */
    public Set<String> layers() {
        Set<String> layers = new LinkedHashSet<>(contentLayers.keySet());
        layers.addAll(styleLayers.keySet());
        return Collections.unmodifiableSet(layers);
    }

    public int styleCount() {
        return styleBlend.length;
    }
}
