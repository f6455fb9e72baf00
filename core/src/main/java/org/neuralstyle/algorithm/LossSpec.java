package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything that shapes the loss: the style statistics and their distance, the term weights, which layers carry content and style and with what
 * weight, the normalised blend weight of each style image, for video frames the temporal weight (0: no
 * temporal term in the graph), and whether each style is painted in a region of its own ({@code styleRegions}:
 * masked statistics, {@link StyleTransferGraph#setStyleRegions}), the terms of the image the options add, and how
 * the content is held.
 */
public record LossSpec(double contentWeight, Map<String, Double> contentLayers,
                       double styleWeight, Map<String, Double> styleLayers, double[] styleBlend,
                       double tvWeight, double temporalWeight, StyleLoss.Kind styleLoss, boolean styleRegions,
                       java.util.List<ImageTerm> imageTerms, ContentLoss contentLoss) {

    public LossSpec {
        // Insertion order is kept so the graph is built the same way every run.
        contentLayers = Collections.unmodifiableMap(new LinkedHashMap<>(contentLayers));
        styleLayers = Collections.unmodifiableMap(new LinkedHashMap<>(styleLayers));
        styleBlend = styleBlend.clone();
        imageTerms = java.util.List.copyOf(imageTerms);
    }

    /**
     * The loss of the options, for the given style blend weights: over the layers the options name, else the
     * network's defaults (content: the first default layer, sharing with the second by the content blend; style:
     * the recommended weights). The k-th style layer's weight is multiplied by exp^k, then all are normalised.
     */
    public static LossSpec of(StyleTransferOptions options, NetworkArchitecture architecture, double[] blendWeights) {
        Map<String, Double> content = options.contentLayers().isEmpty()
                ? LayerWeights.contentLayers(architecture.defaultContentLayers(), options.contentWeightBlend())
                : LayerWeights.normalised(options.contentLayers());
        Map<String, Double> style = LayerWeights.styleLayers(!options.styleLayers().isEmpty() ? options.styleLayers()
                : options.styleLoss() == StyleLoss.Kind.NEIGHBOURS ? equal(architecture.hypercolumnLayers())
                : architecture.defaultStyleLayerWeights(), options.styleLayerWeightExp());
        for (String layer : content.keySet()) {
            requireLayer(architecture, layer, "content");
        }
        for (String layer : style.keySet()) {
            requireLayer(architecture, layer, "style");
        }
        return new LossSpec(
                options.contentWeight(),
                content,
                options.styleWeight(),
                style,
                LayerWeights.normalisedBlend(blendWeights),
                options.tvWeight(),
                0,
                options.styleLoss(),
                false,
                options.imageTerms(),
                options.contentLoss());
    }

    private static Map<String, Double> equal(java.util.List<String> layers) {
        Map<String, Double> weights = new LinkedHashMap<>();
        layers.forEach(layer -> weights.put(layer, 1.0));
        return weights;
    }

    private static void requireLayer(NetworkArchitecture architecture, String layer, String what) {
        if (!architecture.hasLayer(layer)) {
            throw new IllegalArgumentException("no " + what + " layer '" + layer + "' in " + architecture.name()
                    + " (its layers: " + String.join(", ", architecture.layerNames()) + ")");
        }
    }

    public LossSpec withTemporalWeight(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("temporal weight must be a non-negative number, got " + weight);
        }
        return new LossSpec(contentWeight, contentLayers, styleWeight, styleLayers, styleBlend, tvWeight, weight, styleLoss,
                styleRegions, imageTerms, contentLoss);
    }

    /** The same loss with each style's statistics taken over a region of its own. */
    public LossSpec withStyleRegions() {
        if (styleLoss == StyleLoss.Kind.WASSERSTEIN) {
            throw new IllegalArgumentException("style regions need the gram or neighbours style loss, not "
                    + styleLoss.optionName());
        }
        return new LossSpec(contentWeight, contentLayers, styleWeight, styleLayers, styleBlend, tvWeight, temporalWeight,
                styleLoss, true, imageTerms, contentLoss);
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
