package org.neuralstyle.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feature network's layers in order, with the layers a style transfer uses by default: for content, for
 * style statistics, and for neural neighbours' hypercolumns (several layers from fine to coarse, Kolkin et al. 2022).
 * Only the structure: the numbers come in a {@link NetworkWeights}.
 */
public record NetworkArchitecture(String name, List<Layer> layers,
                                  List<String> defaultContentLayers, List<String> defaultStyleLayers,
                                  RecommendedWeights recommendedWeights, List<String> hypercolumnLayers) {

    /**
     * Settings that work for this network, on features of the 0..255 scale (every weights file's features are
     * put on it, see {@link InputNormalization#featureScale()}): VGG's are the reference implementation's
     * defaults. The library's and the command line's defaults both come from here, through
     * {@code StyleTransferOptions.defaults(architecture)}.
     *
     * @param styleLayerWeights relative weight of each default style layer, in order (empty: equal)
     * @param finalLearningRate the rate at the last iteration, annealed geometrically from learningRate (equal:
     *                          constant)
     * @param startFromContent  start from the content image rather than from noise
     * @param temporal          video: the weight of Ruder et al.'s temporal loss against these loss weights
     */
    public record RecommendedWeights(double content, double style, double tv, double learningRate,
                                     List<Double> styleLayerWeights, double finalLearningRate, int iterations,
                                     boolean startFromContent, double temporal) {
        public static final RecommendedWeights REFERENCE = new RecommendedWeights(5, 500, 100, 10, List.of(), 10, 1000,
                false, 1e3);

        public RecommendedWeights {
            styleLayerWeights = List.copyOf(styleLayerWeights);
        }
    }

    public NetworkArchitecture(String name, List<Layer> layers, List<String> defaultContentLayers,
                               List<String> defaultStyleLayers) {
        this(name, layers, defaultContentLayers, defaultStyleLayers, RecommendedWeights.REFERENCE);
    }

    /** A network whose hypercolumns are its default style layers. */
    public NetworkArchitecture(String name, List<Layer> layers, List<String> defaultContentLayers,
                               List<String> defaultStyleLayers, RecommendedWeights recommendedWeights) {
        this(name, layers, defaultContentLayers, defaultStyleLayers, recommendedWeights, defaultStyleLayers);
    }

    public NetworkArchitecture {
        layers = List.copyOf(layers);
        defaultContentLayers = List.copyOf(defaultContentLayers);
        defaultStyleLayers = List.copyOf(defaultStyleLayers);
        hypercolumnLayers = List.copyOf(hypercolumnLayers);
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
        for (String l : hypercolumnLayers) {
            requireLayer(names, l);
        }
        if (!recommendedWeights.styleLayerWeights().isEmpty()
                && recommendedWeights.styleLayerWeights().size() != defaultStyleLayers.size()) {
            throw new IllegalArgumentException(name + ": " + recommendedWeights.styleLayerWeights().size()
                    + " style layer weights for " + defaultStyleLayers.size() + " style layers");
        }
    }

    private void requireLayer(Set<String> names, String layer) {
        if (!names.contains(layer)) {
            throw new IllegalArgumentException(name + " has no layer " + layer);
        }
    }

    /** The default style layers with their relative weights (equal where the network recommends none). */
    public java.util.Map<String, Double> defaultStyleLayerWeights() {
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        List<Double> given = recommendedWeights.styleLayerWeights();
        for (int k = 0; k < defaultStyleLayers.size(); k++) {
            weights.put(defaultStyleLayers.get(k), given.isEmpty() ? 1.0 : given.get(k));
        }
        return weights;
    }

    /**
     * How many pixels along the bottom and right edges the network may never see: unpadded (VALID) strided
     * layers drop the rows and columns that do not fill a last window, up to one stride at each such layer, so
     * the product of their strides bounds it (SqueezeNet 1.1: 16). Padded networks (VGG) see every pixel: 0.
     * Left as it is, such a band gets no style gradient and stays a smooth, unstylized strip.
     */
    public int unseenEdge() {
        int product = 1;
        for (Layer layer : layers) {
            if (layer instanceof Layer.Convolution c && c.padding() == Layer.Padding.VALID && c.stride() > 1) {
                product *= c.stride();
            } else if (layer instanceof Layer.Pool p && p.padding() == Layer.Padding.VALID && p.stride() > 1) {
                product *= p.stride();
            }
        }
        return product == 1 ? 0 : product;
    }

    /**
     * How far, in input pixels, the deepest of these layers looks to either side of the pixel it stands for: the
     * farthest input pixel that can change one of its outputs. Each window of w at a stride-product (jump) j
     * reaches pad_before x j to one side and (w - 1 - pad_before) x j to the other, SAME padding putting
     * floor((w - s) / 2) before; the reaches add up. VGG-19 at relu5_1: 85 px to the right and bottom (70 from
     * its 3x3 convolutions, 15 from its 2x2 poolings), 70 to the left and top. A tile with this much context
     * around its core computes the core's features exactly as the whole image would.
     */
    public int receptiveReach(Collection<String> layerNames) {
        int last = layerNames.stream().mapToInt(this::indexOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no layers"));
        int jump = 1;
        int before = 0;
        int after = 0;
        for (Layer layer : layers.subList(0, last + 1)) {
            List<int[]> windows = List.of();
            if (layer instanceof Layer.Convolution c) {
                windows = List.of(window(c));
            } else if (layer instanceof Layer.Pool p) {
                windows = List.of(window(p.window(), p.stride(), p.padding()));
            } else if (layer instanceof Layer.Fire f) {
                windows = List.of(window(f.squeeze()), window(f.expand3x3()));
            }
            for (int[] w : windows) {
                before += w[0] * jump;
                after += w[1] * jump;
                jump *= w[2];
            }
        }
        return Math.max(before, after);
    }

    private static int[] window(Layer.Convolution c) {
        return window(c.kernelSize(), c.stride(), c.padding());
    }

    /** {reach before, reach after, stride} of one window. */
    private static int[] window(int size, int stride, Layer.Padding padding) {
        int padBefore = padding == Layer.Padding.SAME ? Math.max(size - stride, 0) / 2 : 0;
        return new int[] {padBefore, size - 1 - padBefore, stride};
    }

    /** The names of every layer whose output a loss can use (convolutions' ReLUs, fire modules, pools). */
    /** How many input pixels one step of the layer's output spans: the product of the strides up to it. */
    public int stride(String layerName) {
        int product = 1;
        for (Layer layer : layers.subList(0, indexOf(layerName) + 1)) {
            if (layer instanceof Layer.Convolution c) {
                product *= c.stride();
            } else if (layer instanceof Layer.Pool p) {
                product *= p.stride();
            }
        }
        return product;
    }

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
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
        // The image is mirrored past its edges by the unseen band, which needs more pixels than it mirrors.
        for (int n = unseenEdge() + 1; ; n++) {
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
