package org.neuralstyle.image;

import java.util.List;

/**
 * Neural Neighbor Style Transfer's colour step (Kolkin et al. 2022, section 3.3; their {@code color_match}): the
 * picture keeps its own lightness, the painted strokes, while its chroma becomes the photo's, moved by one affine map
 * onto the painting's palette (the mean and covariance of the painting's chroma), then smoothed where the picture's
 * lightness is smooth, so that colour changes where the strokes' edges are; every channel is finally kept within the
 * painting's range. All in {@link OkLab}. The photo's colour layout in the painting's colours: robust (no stray hue
 * the painting lacks), at the price of less of the painting's own colour placement, as the paper says.
 *
 * <p>A painting of almost no chroma (grey, their threshold: no chroma covariance above 6e-5) has no palette to map
 * onto: then the picture's own colours are moved to the painting's mean and covariance, lightness included.
 */
public final class PaletteTransfer {

    /** Their threshold on the painting's chroma covariance, below which it counts as grey. */
    static final double GREY = 6e-5;
    /** The guided filter's passes over 3x3 neighbourhoods, and how fast a lightness step stops it: theirs. */
    static final int PASSES = 5;
    static final double EDGE = 5;
    /** Oklab in units like RGB's 0..255, for {@link Symmetric3}'s floor on a covariance's eigenvalues. */
    private static final double UNIT = 255;

    private PaletteTransfer() {
    }

    /**
     * The picture with the photo's colour layout in the paintings' palette (several paintings: their pixels
     * together, each counted by its weight).
     *
     * @param picture the optimisation's result
     * @param photo   the content image, of the picture's size
     */
    public static RgbImage apply(RgbImage picture, RgbImage photo, List<RgbImage> paintings, double[] weights) {
        if (photo.width() != picture.width() || photo.height() != picture.height()) {
            throw new IllegalArgumentException("the photo is " + photo.width() + "x" + photo.height()
                    + ", the picture " + picture.width() + "x" + picture.height());
        }
        double[] lab = onPalette(OkLab.of(picture), OkLab.of(photo), Palette.of(paintings, weights), picture.width(),
                picture.height());
        return OkLab.toImage(lab, picture.width(), picture.height());
    }

    /**
     * The colour step in Oklab: the picture's values (three a pixel, width x height) with the photo's chroma on the
     * palette, as a new array; sRGB's gamut is not applied yet.
     */
    static double[] onPalette(double[] pictureLab, double[] photoLab, Palette palette, int width, int height) {
        double[] out = pictureLab.clone();
        int n = out.length / 3;
        for (int i = 0; i < n; i++) {
            out[3 * i] = palette.clamp(0, out[3 * i]);
        }
        if (palette.isGrey()) {
            matchMoments(out, out, palette, 0);
        } else {
            matchMoments(photoLab, out, palette, 1);
            guidedSmoothing(out, width, height);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = palette.clamp(i % 3, out[i]);
        }
        return out;
    }

    /**
     * Channels from {@code first} on of the source, moved by one affine map x' = A (x - mu_x) + mu_p onto the
     * palette's mean and covariance (A = Sigma_p^(1/2) Sigma_x^(-1/2), symmetric roots: their ZCA), written into
     * {@code out}; the channels before {@code first} are left as they are.
     */
    private static void matchMoments(double[] source, double[] out, Palette palette, int first) {
        Moments x = Moments.of(source, 1);
        double[][] sx = x.covariance(first);
        double[][] sp = palette.moments().covariance(first);
        double[][] a = Symmetric3.multiply(Symmetric3.power(sp, 0.5), Symmetric3.power(sx, -0.5));
        for (int i = 0; i < source.length; i += 3) {
            double[] moved = new double[3];
            for (int row = first; row < 3; row++) {
                double v = palette.moments().mean[row];
                for (int col = first; col < 3; col++) {
                    v += a[row][col] * (source[i + col] - x.mean[col]);
                }
                moved[row] = v;
            }
            for (int c = first; c < 3; c++) {
                out[i + c] = moved[c];
            }
        }
    }

    /**
     * Their filter of the chroma guided by lightness: passes over each pixel's 3x3 neighbourhood (edges repeated),
     * each neighbour's chroma weighted by exp(-2 EDGE |L_p - L_q|): across a step in lightness the weights vanish
     * and the colours stay apart; where lightness is even the chroma is averaged.
     */
    static void guidedSmoothing(double[] lab, int width, int height) {
        int n = width * height;
        double[][] weight = new double[9][n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int q = neighbour(x, y, dx, dy, width, height);
                        weight[k++][p] = Math.exp(-2 * EDGE * Math.abs(lab[3 * p] - lab[3 * q]));
                    }
                }
            }
        }
        double[] chroma = new double[2 * n];
        for (int p = 0; p < n; p++) {
            chroma[2 * p] = lab[3 * p + 1];
            chroma[2 * p + 1] = lab[3 * p + 2];
        }
        for (int pass = 0; pass < PASSES; pass++) {
            double[] next = new double[2 * n];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = y * width + x;
                    double sum = 0;
                    int k = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int q = neighbour(x, y, dx, dy, width, height);
                            double w = weight[k++][p];
                            next[2 * p] += w * chroma[2 * q];
                            next[2 * p + 1] += w * chroma[2 * q + 1];
                            sum += w;
                        }
                    }
                    next[2 * p] /= sum;
                    next[2 * p + 1] /= sum;
                }
            }
            chroma = next;
        }
        for (int p = 0; p < n; p++) {
            lab[3 * p + 1] = chroma[2 * p];
            lab[3 * p + 2] = chroma[2 * p + 1];
        }
    }

    private static int neighbour(int x, int y, int dx, int dy, int width, int height) {
        int qx = Math.max(0, Math.min(width - 1, x + dx));
        int qy = Math.max(0, Math.min(height - 1, y + dy));
        return qy * width + qx;
    }

    /** Mean and covariance of Oklab values (three a pixel), each pixel counted by a weight. */
    record Moments(double[] mean, double[][] covariance) {

        static Moments of(double[] lab, double weight) {
            return new Accumulator().add(lab, weight).moments();
        }

        /**
         * The covariance of the channels from {@code first} on, in {@link #UNIT}s squared (the map's scale cancels
         * between the two roots), the channels before as independent of unit variance (left out of the map).
         */
        double[][] covariance(int first) {
            double[][] c = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    c[i][j] = i >= first && j >= first ? covariance[i][j] * UNIT * UNIT : i == j ? 1 : 0;
                }
            }
            return c;
        }
    }

    /** Weighted sums of Oklab values and their products, for moments over several images. */
    private static final class Accumulator {
        private final double[] sum = new double[3];
        private final double[][] products = new double[3][3];
        private double total;

        Accumulator add(double[] lab, double weight) {
            for (int i = 0; i < lab.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    sum[a] += weight * lab[i + a];
                    for (int b = 0; b < 3; b++) {
                        products[a][b] += weight * lab[i + a] * lab[i + b];
                    }
                }
            }
            total += weight * (lab.length / 3);
            return this;
        }

        Moments moments() {
            double[] mean = new double[3];
            double[][] covariance = new double[3][3];
            for (int a = 0; a < 3; a++) {
                mean[a] = sum[a] / total;
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    covariance[a][b] = products[a][b] / total - mean[a] * mean[b];
                }
            }
            return new Moments(mean, covariance);
        }
    }

    /** The paintings' Oklab moments and each channel's range. */
    record Palette(Moments moments, double[] min, double[] max) {

        static Palette of(List<RgbImage> paintings, double[] weights) {
            Accumulator all = new Accumulator();
            double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int k = 0; k < paintings.size(); k++) {
                double[] lab = OkLab.of(paintings.get(k));
                // each painting counted by its weight whatever its size
                all.add(lab, weights[k] / (lab.length / 3));
                for (int i = 0; i < lab.length; i++) {
                    min[i % 3] = Math.min(min[i % 3], lab[i]);
                    max[i % 3] = Math.max(max[i % 3], lab[i]);
                }
            }
            return new Palette(all.moments(), min, max);
        }

        boolean isGrey() {
            double[][] c = moments.covariance;
            return Math.max(Math.max(Math.abs(c[1][1]), Math.abs(c[2][2])), Math.abs(c[1][2])) < GREY;
        }

        double clamp(int channel, double value) {
            return Math.max(min[channel], Math.min(max[channel], value));
        }
    }
}
