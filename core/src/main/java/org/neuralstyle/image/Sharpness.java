package org.neuralstyle.image;

/**
 * How much fine detail an image has: the mean absolute 4-neighbour Laplacian of its luminance (Rec.601),
 * over the pixels whose neighbours all exist. A stylized image as sharp as its photo scores about the same;
 * a blurred one far less. The quality issue judges defaults by {@link #ratio} (output over content at the
 * output's size) and by {@link #edgeBandRatio} (an unstylized smooth band along the borders scores low).
 */
public final class Sharpness {

    private Sharpness() {
    }

    /** Mean |Laplacian| of the luminance over interior pixels (rows and columns band..size-1-band). */
    public static double meanAbsLaplacian(RgbImage image) {
        return meanAbsLaplacian(image, 1, false);
    }

    /** Output sharpness over the content's, the content resized to the output's size first. */
    public static double ratio(RgbImage output, RgbImage content) {
        RgbImage same = Resampling.resize(content, output.width(), output.height());
        return meanAbsLaplacian(output) / meanAbsLaplacian(same);
    }

    /** Sharpness of the outer band (that many rows and columns on every side) over the rest's. */
    public static double edgeBandRatio(RgbImage image, int band) {
        return meanAbsLaplacian(image, band, true) / meanAbsLaplacian(image, band + 1, false);
    }

    /**
     * Sharpness next to the lines of a grid (rows and columns at multiples of {@code spacing}, and the one on
     * each side) over the rest's: a tiled image with seams along its tile boundaries scores away from 1.
     */
    public static double gridLinesRatio(RgbImage image, int spacing) {
        Where nearLine = (r, c) -> Math.min(r % spacing, spacing - r % spacing) <= 1
                || Math.min(c % spacing, spacing - c % spacing) <= 1;
        return meanAbsLaplacian(image, nearLine) / meanAbsLaplacian(image, (r, c) -> !nearLine.at(r, c));
    }

    private interface Where {
        boolean at(int row, int column);
    }

    /**
     * Over the pixels at least {@code from} away from every border (from 1: all that have four neighbours), or,
     * with {@code bandOnly}, only those less than {@code from} away (and at least 1).
     */
    private static double meanAbsLaplacian(RgbImage image, int from, boolean bandOnly) {
        int w = image.width();
        int h = image.height();
        return meanAbsLaplacian(image, (r, c) -> {
            int distance = Math.min(Math.min(r, c), Math.min(h - 1 - r, w - 1 - c));
            return distance < from == bandOnly;
        });
    }

    private static double meanAbsLaplacian(RgbImage image, Where where) {
        int w = image.width();
        int h = image.height();
        float[] px = image.pixels();
        double[] y = new double[w * h];
        for (int i = 0; i < y.length; i++) {
            y[i] = ColorPreservation.luma(px[3 * i], px[3 * i + 1], px[3 * i + 2]);
        }
        double sum = 0;
        long n = 0;
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                if (!where.at(r, c)) {
                    continue;
                }
                int i = r * w + c;
                sum += Math.abs(4 * y[i] - y[i - 1] - y[i + 1] - y[i - w] - y[i + w]);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("image " + w + "x" + h + " is too small to measure");
        }
        return sum / n;
    }
}
