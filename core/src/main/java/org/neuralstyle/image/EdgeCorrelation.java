package org.neuralstyle.image;

/**
 * How well a picture keeps a photo's structure: the correlation (Pearson) of the two images' luminance edge
 * strengths, |Sobel| of Rec.601 luma at every interior pixel. 1: edges of the same places and relative strengths;
 * 0: unrelated. Blind to colour and to a uniform change of contrast, so a recoloured or painted photo whose
 * outlines stay where they were still scores high, and one whose outlines moved or dissolved scores low.
 */
public final class EdgeCorrelation {

    private EdgeCorrelation() {
    }

    /** The correlation of the two images' edge strengths; the second is resized to the first's size first. */
    public static double of(RgbImage image, RgbImage photo) {
        RgbImage same = photo.width() == image.width() && photo.height() == image.height() ? photo
                : Resampling.resize(photo, image.width(), image.height());
        float[] a = edges(image);
        float[] b = edges(same);
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - meanA;
            double y = b[i] - meanB;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    /** |Sobel| of the luma over the interior pixels, row-major. */
    static float[] edges(RgbImage image) {
        int w = image.width();
        int h = image.height();
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException("edges need an image of at least 3x3 pixels");
        }
        float[] px = image.pixels();
        float[] luma = new float[w * h];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.299f * px[3 * i] + 0.587f * px[3 * i + 1] + 0.114f * px[3 * i + 2];
        }
        float[] out = new float[(w - 2) * (h - 2)];
        int k = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                float gx = luma[(y - 1) * w + x + 1] + 2 * luma[y * w + x + 1] + luma[(y + 1) * w + x + 1]
                        - luma[(y - 1) * w + x - 1] - 2 * luma[y * w + x - 1] - luma[(y + 1) * w + x - 1];
                float gy = luma[(y + 1) * w + x - 1] + 2 * luma[(y + 1) * w + x] + luma[(y + 1) * w + x + 1]
                        - luma[(y - 1) * w + x - 1] - 2 * luma[(y - 1) * w + x] - luma[(y - 1) * w + x + 1];
                out[k++] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        return out;
    }
}
