package org.neuralstyle.image;

/**
 * Image resizing with a separable triangle (bilinear) filter whose support widens when shrinking,
 * so downscaled style images are averaged rather than aliased.
 */
public final class Resampling {

    private Resampling() {
    }

    /** Resizes to the given width, keeping the aspect ratio (height rounded, at least 1). */
    public static RgbImage toWidth(RgbImage image, int width) {
        return resize(image, width, heightAtWidth(image, width));
    }

    /** The height {@link #toWidth} gives the image at this width. */
    public static int heightAtWidth(RgbImage image, int width) {
        return Math.max(1, (int) Math.round((double) image.height() * width / image.width()));
    }

    public static RgbImage resize(RgbImage image, int width, int height) {
        RgbImage.requireAllocatable(width, height);
        RgbImage.requireAllocatable(width, image.height());
        if (width == image.width() && height == image.height()) {
            return image.copy();
        }
        RgbImage horizontal = resizeAxis(image, width, image.height(), true);
        return resizeAxis(horizontal, width, height, false);
    }

    /** A single-channel plane (an alpha channel, row-major) resized as the colours are. */
    public static float[] resizePlane(float[] plane, int width, int height, int toWidth, int toHeight) {
        return GreyPlane.of(resize(GreyPlane.asImage(plane, width, height), toWidth, toHeight));
    }

    private static RgbImage resizeAxis(RgbImage in, int outW, int outH, boolean alongX) {
        int inLen = alongX ? in.width() : in.height();
        int outLen = alongX ? outW : outH;
        int lines = alongX ? in.height() : outW;
        float[] src = in.pixels();
        float[] dst = new float[outW * outH * 3];
        double scale = (double) outLen / inLen;
        double support = scale < 1 ? 1 / scale : 1; // filter radius in input pixels
        for (int o = 0; o < outLen; o++) {
            double centre = (o + 0.5) / scale - 0.5;
            int lo = (int) Math.floor(centre - support);
            int hi = (int) Math.ceil(centre + support);
            double[] weights = new double[hi - lo + 1];
            double total = 0;
            for (int i = lo; i <= hi; i++) {
                double wgt = Math.max(0, 1 - Math.abs(i - centre) / support);
                weights[i - lo] = wgt;
                total += wgt;
            }
            for (int line = 0; line < lines; line++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int i = lo; i <= hi; i++) {
                    double wgt = weights[i - lo];
                    if (wgt == 0) {
                        continue;
                    }
                    int clampedI = Math.max(0, Math.min(inLen - 1, i));
                    int idx = alongX ? (line * in.width() + clampedI) * 3 : (clampedI * in.width() + line) * 3;
                    r += wgt * src[idx];
                    g += wgt * src[idx + 1];
                    b += wgt * src[idx + 2];
                }
                int out = alongX ? (line * outW + o) * 3 : (o * outW + line) * 3;
                dst[out] = (float) (r / total);
                dst[out + 1] = (float) (g / total);
                dst[out + 2] = (float) (b / total);
            }
        }
        return new RgbImage(outW, outH, dst);
    }
}
