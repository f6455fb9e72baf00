package org.neuralstyle.image;

/**
 * Keeps the content image's colours: the stylized image's luminance (Rec.601 luma, full-range YCbCr as
 * in JPEG) joined with the content image's chroma, as the reference implementation's --preserve-colors.
 */
public final class ColorPreservation {

    private ColorPreservation() {
    }

    public static RgbImage keepContentColors(RgbImage stylized, RgbImage content) {
        if (stylized.width() != content.width() || stylized.height() != content.height()) {
            throw new IllegalArgumentException("stylized and content images differ in size");
        }
        float[] s = stylized.pixels();
        float[] c = content.pixels();
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i += 3) {
            double y = luma(clamp(s[i]), clamp(s[i + 1]), clamp(s[i + 2]));
            double cr = clamp(c[i]);
            double cg = clamp(c[i + 1]);
            double cb = clamp(c[i + 2]);
            double chromaB = -0.168736 * cr - 0.331264 * cg + 0.5 * cb;
            double chromaR = 0.5 * cr - 0.418688 * cg - 0.081312 * cb;
            out[i] = (float) (y + 1.402 * chromaR);
            out[i + 1] = (float) (y - 0.344136 * chromaB - 0.714136 * chromaR);
            out[i + 2] = (float) (y + 1.772 * chromaB);
        }
        return new RgbImage(stylized.width(), stylized.height(), out).clamped();
    }

    /** Rec.601 luma of an RGB pixel. */
    public static double luma(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(255, v));
    }
}
