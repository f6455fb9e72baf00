package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * A style source: the painting, its blend weight (relative; all styles' weights are normalised to sum 1)
 * and its scale (the style image is resized to scale x the content width before its Gram matrices are taken).
 */
public record StyleImage(RgbImage image, double blendWeight, double scale) {

    public StyleImage {
        if (!(blendWeight >= 0) || Double.isInfinite(blendWeight)) {
            throw new IllegalArgumentException("style blend weight must be non-negative, got " + blendWeight);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("style scale must be positive, got " + scale);
        }
    }

    /** The width this style is resized to for a content image of the given width: scale x that width. */
    public int widthAt(int contentWidth) {
        return Math.max(1, (int) Math.round(scale * contentWidth));
    }

    public static StyleImage of(RgbImage image) {
        return new StyleImage(image, 1, 1);
    }
}
