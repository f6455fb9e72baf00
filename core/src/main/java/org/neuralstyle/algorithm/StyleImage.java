package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * A style source: the painting, its blend weight (relative; all styles' weights are normalised to sum 1), its
 * scale (the style image is resized to scale x the content width before its statistics are taken) and where it is
 * painted ({@code region}; null: everywhere).
 */
public record StyleImage(RgbImage image, double blendWeight, double scale, StyleRegion region) {

    public StyleImage {
        if (!(blendWeight >= 0) || Double.isInfinite(blendWeight)) {
            throw new IllegalArgumentException("style blend weight must be non-negative, got " + blendWeight);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("style scale must be positive, got " + scale);
        }
    }

    /** A style painted everywhere. */
    public StyleImage(RgbImage image, double blendWeight, double scale) {
        this(image, blendWeight, scale, null);
    }

    /** The width this style is resized to for a content image of the given width: scale x that width. */
    public int widthAt(int contentWidth) {
        return Math.max(1, (int) Math.round(scale * contentWidth));
    }

    /** The same style with another picture of it (recoloured, say): weight, scale and region kept. */
    public StyleImage withImage(RgbImage other) {
        return new StyleImage(other, blendWeight, scale, region);
    }

    /** The same style painted in another region (null: everywhere). */
    public StyleImage withRegion(StyleRegion other) {
        return new StyleImage(image, blendWeight, scale, other);
    }

    public static StyleImage of(RgbImage image) {
        return new StyleImage(image, 1, 1);
    }
}
