package org.neuralstyle.algorithm;

import org.neuralstyle.network.Pooling;
import org.neuralstyle.optim.AdamSettings;

/**
 * Every weight and schedule of a style transfer. Defaults are the reference implementation's
 * ({@link #defaults()}); change them with the {@code with...} methods, which return new options.
 */
public record StyleTransferOptions(
        double contentWeight,
        double contentWeightBlend,
        double styleWeight,
        double styleLayerWeightExp,
        double tvWeight,
        int iterations,
        Pooling pooling,
        AdamSettings adam,
        Initialization initialization,
        long seed,
        boolean preserveColors) {

    public StyleTransferOptions {
        requireNonNegative(contentWeight, "content weight");
        requireNonNegative(styleWeight, "style weight");
        requireNonNegative(tvWeight, "tv weight");
        if (!(contentWeightBlend >= 0 && contentWeightBlend <= 1)) {
            throw new IllegalArgumentException("content weight blend must be in [0, 1], got " + contentWeightBlend);
        }
        if (!(styleLayerWeightExp > 0) || Double.isInfinite(styleLayerWeightExp)) {
            throw new IllegalArgumentException("style layer weight exponent must be positive, got " + styleLayerWeightExp);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (pooling == null || adam == null || initialization == null) {
            throw new IllegalArgumentException("pooling, optimiser and initialisation must be set");
        }
    }

    public static StyleTransferOptions defaults() {
        return new StyleTransferOptions(5, 1, 500, 1, 100, 1000, Pooling.MAX, AdamSettings.defaults(),
                Initialization.noise(), 0, false);
    }

    public StyleTransferOptions withWeights(double content, double blend, double style, double layerExp, double tv) {
        return new StyleTransferOptions(content, blend, style, layerExp, tv, iterations, pooling, adam,
                initialization, seed, preserveColors);
    }

    public StyleTransferOptions withIterations(int n) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                n, pooling, adam, initialization, seed, preserveColors);
    }

    public StyleTransferOptions withPooling(Pooling p) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                iterations, p, adam, initialization, seed, preserveColors);
    }

    public StyleTransferOptions withAdam(AdamSettings a) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                iterations, pooling, a, initialization, seed, preserveColors);
    }

    public StyleTransferOptions withInitialization(Initialization init) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                iterations, pooling, adam, init, seed, preserveColors);
    }

    public StyleTransferOptions withSeed(long s) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                iterations, pooling, adam, initialization, s, preserveColors);
    }

    public StyleTransferOptions withPreserveColors(boolean preserve) {
        return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp, tvWeight,
                iterations, pooling, adam, initialization, seed, preserve);
    }

    private static void requireNonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a non-negative number, got " + value);
        }
    }
}
