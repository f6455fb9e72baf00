package org.neuralstyle.algorithm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The weights that spread each loss over layers and styles (REFERENCE.md section 1). */
public final class LayerWeights {

    private LayerWeights() {
    }

    /**
     * Content layer weights: the first layer gets {@code blend}, the second (if any) {@code 1 - blend}
     * (VGG: relu4_2 and relu5_2). Layers with weight 0 are left out so they are never computed.
     */
    public static Map<String, Double> contentLayers(List<String> layers, double blend) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (layers.size() == 1) {
            weights.put(layers.get(0), 1.0);
            return weights;
        }
        putIfNonZero(weights, layers.get(0), blend);
        putIfNonZero(weights, layers.get(1), 1 - blend);
        return weights;
    }

    /** Style layer weights: each layer's base weight times exp^k for the k-th layer (k from 0), normalised to sum 1. */
    public static Map<String, Double> styleLayers(Map<String, Double> baseWeights, double exponent) {
        Map<String, Double> weighted = new LinkedHashMap<>();
        double w = 1;
        for (var entry : baseWeights.entrySet()) {
            weighted.put(entry.getKey(), entry.getValue() * w);
            w *= exponent;
        }
        return normalised(weighted);
    }

    /** The same layers with weights scaled to sum 1; layers of weight 0 left out, so they are never computed. */
    public static Map<String, Double> normalised(Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException("layer weights must not all be zero");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((layer, w) -> putIfNonZero(out, layer, w / sum));
        return out;
    }

    /** Style blend weights normalised to sum 1. */
    public static double[] normalisedBlend(double[] blendWeights) {
        double sum = 0;
        for (double b : blendWeights) {
            if (!(b >= 0) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("style blend weights must be non-negative, got " + b);
            }
            sum += b;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("style blend weights must not all be zero");
        }
        double[] out = new double[blendWeights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = blendWeights[i] / sum;
        }
        return out;
    }

    private static void putIfNonZero(Map<String, Double> weights, String layer, double weight) {
        if (weight != 0) {
            weights.put(layer, weight);
        }
    }
}
