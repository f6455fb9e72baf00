package org.neuralstyle.image;

/**
 * Colour control before a style transfer (Gatys, Ecker, Bethge, Hertzmann and Shechtman 2017, "Controlling
 * Perceptual Factors in Neural Style Transfer", section 5):
 * <ul>
 *   <li>colour histogram matching: the style image recoloured so that its pixels' mean colour and colour
 *       covariance are the content's, x' = A (x - mu_s) + mu_c with A = Sigma_c^(1/2) Sigma_s^(-1/2) (symmetric
 *       square roots, the paper's "image analogies" variant); the style then brings its strokes, not its palette;</li>
 *   <li>luminance-only transfer: both images reduced to their luminance (Rec.601 Y, as grey RGB), the style's
 *       luminance shifted and scaled to the content's mean and standard deviation; the stylized luminance is
 *       afterwards joined with the content's chroma ({@link ColorPreservation}).</li>
 * </ul>
 */
public final class ColorTransfer {

    private ColorTransfer() {
    }

    /** The source image with the reference's mean colour and colour covariance. */
    public static RgbImage matchColors(RgbImage source, RgbImage reference) {
        Moments s = Moments.of(source);
        Moments r = Moments.of(reference);
        double[][] a = Symmetric3.multiply(Symmetric3.power(r.covariance, 0.5), Symmetric3.power(s.covariance, -0.5));
        float[] in = source.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += 3) {
            for (int row = 0; row < 3; row++) {
                double v = r.mean[row];
                for (int col = 0; col < 3; col++) {
                    v += a[row][col] * (in[i + col] - s.mean[col]);
                }
                out[i + row] = (float) v;
            }
        }
        return new RgbImage(source.width(), source.height(), out);
    }

    /** The image as grey RGB of its Rec.601 luminance. */
    public static RgbImage luminance(RgbImage image) {
        float[] in = image.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += 3) {
            float y = (float) ColorPreservation.luma(in[i], in[i + 1], in[i + 2]);
            out[i] = y;
            out[i + 1] = y;
            out[i + 2] = y;
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    /** The style's luminance with the content's luminance mean and standard deviation, as grey RGB. */
    public static RgbImage luminanceMatched(RgbImage style, RgbImage content) {
        RgbImage ys = luminance(style);
        double[] s = meanAndDeviation(ys);
        double[] c = meanAndDeviation(luminance(content));
        float[] px = ys.pixels();
        float[] out = new float[px.length];
        double gain = s[1] > 0 ? c[1] / s[1] : 1;
        for (int i = 0; i < px.length; i++) {
            out[i] = (float) ((px[i] - s[0]) * gain + c[0]);
        }
        return new RgbImage(style.width(), style.height(), out);
    }

    private static double[] meanAndDeviation(RgbImage grey) {
        float[] px = grey.pixels();
        double sum = 0;
        double sq = 0;
        int n = px.length / 3;
        for (int i = 0; i < px.length; i += 3) {
            sum += px[i];
            sq += (double) px[i] * px[i];
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }

    /** Mean colour and colour covariance of an image's pixels. */
    public record Moments(double[] mean, double[][] covariance) {

        public static Moments of(RgbImage image) {
            float[] px = image.pixels();
            int n = px.length / 3;
            double[] mean = new double[3];
            for (int i = 0; i < px.length; i += 3) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += px[i + c];
                }
            }
            for (int c = 0; c < 3; c++) {
                mean[c] /= n;
            }
            double[][] cov = new double[3][3];
            for (int i = 0; i < px.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        cov[a][b] += (px[i + a] - mean[a]) * (px[i + b] - mean[b]);
                    }
                }
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    cov[a][b] /= n;
                }
            }
            return new Moments(mean, cov);
        }
    }
}
