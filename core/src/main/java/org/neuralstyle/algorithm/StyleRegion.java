package org.neuralstyle.algorithm;

import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;

/**
 * Where a style is painted: a weight per pixel, 1 (white in a mask image) where the style is wanted, 0 where not,
 * between for a soft edge (Gatys et al., "Controlling Perceptual Factors in Neural Style Transfer", CVPR 2017,
 * spatial control). Any size: resized to the image it is used on.
 */
public record StyleRegion(float[] weights, int width, int height) {

    public StyleRegion {
        if (width < 1 || height < 1 || weights.length != (long) width * height) {
            throw new IllegalArgumentException("a region of " + width + "x" + height + " needs " + (long) width * height
                    + " weights, got " + weights.length);
        }
        weights = weights.clone();
        for (float w : weights) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("region weights must be 0..1, got " + w);
            }
        }
    }

    /** The whole image. */
    public static StyleRegion everywhere(int width, int height) {
        float[] ones = new float[width * height];
        java.util.Arrays.fill(ones, 1f);
        return new StyleRegion(ones, width, height);
    }

    /** A mask image's region: its luminance (Rec. 601), 0..255 read as 0..1. */
    public static StyleRegion ofMask(RgbImage mask) {
        float[] px = mask.pixels();
        float[] weights = new float[mask.width() * mask.height()];
        for (int i = 0; i < weights.length; i++) {
            float luminance = 0.299f * px[3 * i] + 0.587f * px[3 * i + 1] + 0.114f * px[3 * i + 2];
            weights[i] = Math.max(0, Math.min(1, luminance / 255f));
        }
        return new StyleRegion(weights, mask.width(), mask.height());
    }

    /** The region turned a quarter clockwise, as {@link RgbImage#quarterTurned}. */
    public StyleRegion quarterTurned() {
        float[] out = new float[weights.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + (height - 1 - y)] = weights[y * width + x];
            }
        }
        return new StyleRegion(out, height, width);
    }

    /** The region resized to another size (a soft edge stays soft). */
    public StyleRegion resizedTo(int toWidth, int toHeight) {
        if (toWidth == width && toHeight == height) {
            return this;
        }
        float[] resized = Resampling.resizePlane(weights, width, height, toWidth, toHeight);
        for (int i = 0; i < resized.length; i++) {
            resized[i] = Math.max(0, Math.min(1, resized[i])); // a sharpening filter overshoots at hard edges
        }
        return new StyleRegion(resized, toWidth, toHeight);
    }

    /**
     * The region shrunk by {@code radius} pixels: each weight the least within that distance (a square window).
     * A feature whose receptive field reaches that far counts for the region only where all it sees is inside, so
     * the style's pull on the pixels stays inside the region too (Gatys et al. 2017's "inside" guidance).
     */
    public StyleRegion eroded(int radius) {
        if (radius <= 0) {
            return this;
        }
        float[] out = leastWithin(leastWithin(weights, radius, true), radius, false);
        return new StyleRegion(out, width, height);
    }

    /** Each weight replaced by the least within {@code radius} along rows ({@code alongX}) or columns. */
    private float[] leastWithin(float[] in, int radius, boolean alongX) {
        float[] out = new float[in.length];
        int length = alongX ? width : height;
        int step = alongX ? 1 : width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = alongX ? x : y;
                int origin = y * width + x - at * step;
                float least = 1;
                for (int k = Math.max(0, at - radius); k <= Math.min(length - 1, at + radius); k++) {
                    least = Math.min(least, in[origin + k * step]);
                }
                out[y * width + x] = least;
            }
        }
        return out;
    }

    /** Regions of one size together: at each pixel the largest weight. */
    public static StyleRegion union(java.util.List<StyleRegion> regions) {
        StyleRegion first = regions.get(0);
        float[] out = new float[first.weights.length];
        for (StyleRegion r : regions) {
            if (r.width != first.width || r.height != first.height) {
                throw new IllegalArgumentException("regions of different sizes");
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], r.weights[i]);
            }
        }
        return new StyleRegion(out, first.width, first.height);
    }

    /** {@code inside} where the region is, {@code outside} elsewhere, blended by the weights; both of its size. */
    public RgbImage composite(RgbImage inside, RgbImage outside) {
        if (inside.width() != width || inside.height() != height || outside.width() != width || outside.height() != height) {
            throw new IllegalArgumentException("images of another size than the region");
        }
        float[] a = inside.pixels();
        float[] b = outside.pixels();
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) {
            float w = weights[i / 3];
            out[i] = w * a[i] + (1 - w) * b[i];
        }
        return new RgbImage(width, height, out);
    }

    /**
     * The region as a layer of a network sees it: shrunk by half the layer's receptive reach (its features count
     * only where what they mostly see is inside: the effective field is far narrower than the whole reach, Luo et
     * al. 2016; the whole of VGG-19's relu5_1, 85 px, would leave a third of a 512 px picture without its deepest
     * layer), then resized to the layer's width and height.
     */
    public StyleRegion atLayer(int receptiveReach, int layerWidth, int layerHeight) {
        return eroded(receptiveReach / 2).resizedTo(layerWidth, layerHeight);
    }

    /** Where styles are painted: the regions (null: everywhere) together at this size; null where one is everywhere. */
    public static StyleRegion painted(java.util.List<StyleRegion> regions, int width, int height) {
        if (regions.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return union(regions.stream().map(r -> r.resizedTo(width, height)).toList());
    }

    /** The share of the image the region covers: the mean weight. */
    public double coverage() {
        double sum = 0;
        for (float w : weights) {
            sum += w;
        }
        return sum / weights.length;
    }

    /** The weights, row-major (a copy). */
    @Override
    public float[] weights() {
        return weights.clone();
    }
}
