package org.neuralstyle.video;

import org.neuralstyle.image.RgbImage;

/**
 * The flicker measure the video modes are compared by: the mean, over the pixels the mask keeps, of the
 * squared difference between a stylized frame and the previous stylized frame warped into it (0..255 scale,
 * averaged over the three channels). The same quantity the temporal loss penalises, without its weight.
 */
public final class TemporalConsistency {

    private TemporalConsistency() {
    }

    public static double error(RgbImage frame, RgbImage warpedPrevious, float[] mask) {
        float[] a = frame.pixels();
        float[] b = warpedPrevious.pixels();
        if (a.length != b.length || mask.length * 3 != a.length) {
            throw new IllegalArgumentException("frame, warped frame and mask differ in size");
        }
        double sum = 0;
        double weight = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                double d = a[p * 3 + c] - b[p * 3 + c];
                sum += mask[p] * d * d;
            }
            weight += 3 * mask[p];
        }
        return weight == 0 ? 0 : sum / weight;
    }
}
