package org.neuralstyle.image;

import java.util.Arrays;

/**
 * An RGB image as interleaved floats in 0..255 (row-major, 3 values per pixel).
 * This is the pixel space the optimiser works in; networks subtract their own mean inside the graph.
 * The array is owned by the image: constructors copy nothing, so callers must not share it.
 */
public record RgbImage(int width, int height, float[] pixels) {

    public static final int CHANNELS = 3;

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * CHANNELS) {
            throw new IllegalArgumentException("expected " + width * height * CHANNELS + " values for "
                    + width + "x" + height + " RGB, got " + pixels.length);
        }
    }

    /** Fails with the size, not a NegativeArraySizeException, where the pixels cannot be one Java array. */
    public static void requireAllocatable(long width, long height) {
        if (width <= 0 || height <= 0 || width * height > (Integer.MAX_VALUE - 8) / CHANNELS) {
            throw new IllegalArgumentException("an image of " + width + "x" + height + " pixels is too large "
                    + "(at most " + (Integer.MAX_VALUE - 8) / CHANNELS / 1_000_000 + " megapixels)");
        }
    }

    public static RgbImage filled(int width, int height, float r, float g, float b) {
        requireAllocatable(width, height);
        float[] pixels = new float[width * height * CHANNELS];
        for (int i = 0; i < pixels.length; i += CHANNELS) {
            pixels[i] = r;
            pixels[i + 1] = g;
            pixels[i + 2] = b;
        }
        return new RgbImage(width, height, pixels);
    }

    public float get(int x, int y, int channel) {
        return pixels[(y * width + x) * CHANNELS + channel];
    }

    /** The image turned a quarter clockwise. */
    public RgbImage quarterTurned() {
        int w = width;
        int h = height;
        float[] in = pixels;
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int to = (x * h + (h - 1 - y)) * 3;
                int from = (y * w + x) * 3;
                out[to] = in[from];
                out[to + 1] = in[from + 1];
                out[to + 2] = in[from + 2];
            }
        }
        return new RgbImage(h, w, out);
    }

    public RgbImage copy() {
        return new RgbImage(width, height, pixels.clone());
    }

    /** Values clamped to the displayable 0..255 range. */
    public RgbImage clamped() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0f, Math.min(255f, pixels[i]));
        }
        return new RgbImage(width, height, out);
    }

    /** Mean absolute difference per value, on the 0..255 scale. */
    public double meanAbsoluteDifference(RgbImage other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("sizes differ: " + width + "x" + height
                    + " vs " + other.width + "x" + other.height);
        }
        double sum = 0;
        for (int i = 0; i < pixels.length; i++) {
            sum += Math.abs(pixels[i] - other.pixels[i]);
        }
        return sum / pixels.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
