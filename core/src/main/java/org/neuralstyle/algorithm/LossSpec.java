package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything that shapes the loss: the term weights, which layers carry content and style and with what
 * weight, and the normalised blend weight of each style image.
 */
public record LossSpec(double contentWeight, Map<String, Double> contentLayers,
                       double styleWeight, Map<String, Double> styleLayers, double[] styleBlend,
                       double tvWeight) {

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
                options.tvWeight());
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
