package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * A style source: the painting, its blend weight (relative; all styles' weights are normalised to sum 1), its
 * scale (the style image is resized to scale x the content width before its statistics are taken), where it is
 * painted ({@code region}; null: everywhere), and the part of the painting it is learnt from ({@code part}, on the
 * painting, any size; null: all of it), as Gatys et al. 2017 take a region's statistics from the matching region of
 * the style image.
 */
public record StyleImage(RgbImage image, double blendWeight, double scale, StyleRegion region, StyleRegion part) {

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
        this(image, blendWeight, scale, null, null);
    }

    /** A style learnt from all of the painting. */
    public StyleImage(RgbImage image, double blendWeight, double scale, StyleRegion region) {
        this(image, blendWeight, scale, region, null);
    }

    /** The width this style is resized to for a content image of the given width: scale x that width. */
    public int widthAt(int contentWidth) {
        return Math.max(1, (int) Math.round(scale * contentWidth));
    }

    /** The same style with another picture of it (recoloured, say): weight, scale and region kept. */
    public StyleImage withImage(RgbImage other) {
        return new StyleImage(other, blendWeight, scale, region, part);
    }

    /** The same style painted in another region (null: everywhere). */
    public StyleImage withRegion(StyleRegion other) {
        return new StyleImage(image, blendWeight, scale, other, part);
    }

    public static StyleImage of(RgbImage image) {
        return new StyleImage(image, 1, 1);
    }
}
