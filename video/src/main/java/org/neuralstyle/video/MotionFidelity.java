package org.neuralstyle.video;

import org.neuralstyle.image.ColorPreservation;
import org.neuralstyle.image.RgbImage;

/**
 * The measure beside the flicker measure, which a video that holds still fails: do the stylized frames follow
 * their own content? Where the scene moved since the first frame (luminance changed by more than
 * {@value #MOVED} levels), the edges of stylized frame t should line up with those of content frame t: the
 * Pearson correlation of the two gradient magnitudes there, over the same correlation for frame 1 and content
 * frame 1 in the same region. About 1 when each frame follows its content as well as the first does; far lower
 * for ghosting (people dissolved into swirls that stay where they were) or a frozen video, whose flicker is 0.
 * Frames where less than 1% of the picture moved are not counted.
 */
public final class MotionFidelity {

    static final double MOVED = 16;
    private static final double MIN_SHARE = 0.01;
    private static final double MIN_BASELINE = 0.05;

    private float[] firstContent;
    private float[] firstStylizedGradient;
    private float[] firstContentGradient;
    private int width;
    private int height;
    private double sum;
    private int frames;

    /** Adds the next frame: its content and its stylized image, of the same size. */
    public void add(RgbImage content, RgbImage stylized) {
        float[] y = luminance(content);
        if (firstContent == null) {
            width = content.width();
            height = content.height();
            firstContent = y;
            firstContentGradient = gradient(y, width, height);
            firstStylizedGradient = gradient(luminance(stylized), width, height);
            return;
        }
        boolean[] moved = new boolean[y.length];
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            moved[i] = Math.abs(y[i] - firstContent[i]) > MOVED;
            count += moved[i] ? 1 : 0;
        }
        if (count < MIN_SHARE * y.length) {
            return;
        }
        double baseline = correlation(firstStylizedGradient, firstContentGradient, moved);
        if (baseline < MIN_BASELINE) {
            return;
        }
        double now = correlation(gradient(luminance(stylized), width, height), gradient(y, width, height), moved);
        sum += now / baseline;
        frames++;
    }

    /** The mean over the frames counted; NaN if none moved enough to count. */
    public double mean() {
        return frames == 0 ? Double.NaN : sum / frames;
    }

    public int frames() {
        return frames;
    }

    private static float[] luminance(RgbImage image) {
        float[] px = image.pixels();
        float[] y = new float[px.length / 3];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) ColorPreservation.luma(px[3 * i], px[3 * i + 1], px[3 * i + 2]);
        }
        return y;
    }

    /** Central-difference gradient magnitude; 0 on the border. */
    private static float[] gradient(float[] y, int w, int h) {
        float[] g = new float[y.length];
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                double dx = (y[i + 1] - y[i - 1]) / 2.0;
                double dy = (y[i + w] - y[i - w]) / 2.0;
                g[i] = (float) Math.sqrt(dx * dx + dy * dy);
            }
        }
        return g;
    }

    static double correlation(float[] a, float[] b, boolean[] region) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (region[i]) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            if (region[i]) {
                cov += (a[i] - ma) * (b[i] - mb);
                va += (a[i] - ma) * (a[i] - ma);
                vb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
