package org.neuralstyle.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feature network's layers in order, with the layers a style transfer uses by default.
 * Only the structure: the numbers come in a {@link NetworkWeights}.
 */
public record NetworkArchitecture(String name, List<Layer> layers,
                                  List<String> defaultContentLayers, List<String> defaultStyleLayers,
                                  RecommendedWeights recommendedWeights) {

    /**
     * Loss weights and learning rate that work for this network, on features of the 0..255 scale (every weights
     * file's features are put on it, see {@link InputNormalization#featureScale()}): VGG's are the reference
     * implementation's defaults. The library's and the command line's defaults both come from here, through
     * {@code StyleTransferOptions.defaults(architecture)}.
     */
    public record RecommendedWeights(double content, double style, double tv, double learningRate) {
        public static final RecommendedWeights REFERENCE = new RecommendedWeights(5, 500, 100, 10);
    }

    public NetworkArchitecture(String name, List<Layer> layers, List<String> defaultContentLayers,
                               List<String> defaultStyleLayers) {
        this(name, layers, defaultContentLayers, defaultStyleLayers, RecommendedWeights.REFERENCE);
    }

    public NetworkArchitecture {
        layers = List.copyOf(layers);
        defaultContentLayers = List.copyOf(defaultContentLayers);
        defaultStyleLayers = List.copyOf(defaultStyleLayers);
        Set<String> names = new HashSet<>();
        for (Layer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException(name + ": duplicate layer name " + layer.name());
            }
        }
        for (String l : defaultContentLayers) {
            requireLayer(names, l);
        }
        for (String l : defaultStyleLayers) {
            requireLayer(names, l);
        }
    }

    private void requireLayer(Set<String> names, String layer) {
        if (!names.contains(layer)) {
            throw new IllegalArgumentException(name + " has no layer " + layer);
        }
    }

    public boolean hasLayer(String layerName) {
        return layers.stream().anyMatch(l -> l.name().equals(layerName));
    }

    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layerName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no layer '" + layerName + "'");
    }

    /** Every convolution in the order it is applied (fire modules: squeeze, expand 1x1, expand 3x3). */
    public List<Layer.Convolution> convolutions() {
        List<Layer.Convolution> convs = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof Layer.Convolution c) {
                convs.add(c);
            } else if (layer instanceof Layer.Fire f) {
                convs.addAll(f.convolutions());
            }
        }
        return convs;
    }

    /** Channels of a layer's output (for Gram matrix sizes). */
    public int outputChannels(String layerName) {
        int channels = 3;
        for (Layer layer : layers.subList(0, indexOf(layerName) + 1)) {
            if (layer instanceof Layer.Convolution c) {
                channels = c.outputChannels();
            } else if (layer instanceof Layer.Fire f) {
                channels = f.outputChannels();
            }
        }
        return channels;
    }

    /**
     * The smallest height or width of an input image for which the deepest of these layers still has at least
     * one pixel (SqueezeNet's unpadded strided layers need about 50; VGG's padded ones need 1).
     */
    public int minimumInputSize(Collection<String> layerNames) {
        int last = layerNames.stream().mapToInt(this::indexOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no layers"));
        for (int n = 1; ; n++) {
            int size = n;
            for (Layer layer : layers.subList(0, last + 1)) {
                size = layer.outputSize(size);
            }
            if (size >= 1) {
                return n;
            }
        }
    }
}
