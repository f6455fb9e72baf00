package org.neuralstyle.video;

import org.neuralstyle.image.RgbImage;
import org.neuralstyle.video.flow.FrameMotion;
import org.neuralstyle.video.flow.OpticalFlow;

/**
 * The flicker measure the video modes are compared by: for each pair of consecutive frames, the mean over the
 * pixels the mask keeps of the squared difference between a stylized frame and the previous stylized frame
 * warped into it (0..255 scale, averaged over the three channels); the reported figure is its mean over all
 * pairs. The flow and mask come from the content frames, so every mode is measured against the same motion.
 * The same quantity the temporal loss penalises, without its weight.
 */
public final class TemporalConsistency {

    private final OpticalFlow flow;
    private RgbImage previousContent;
    private RgbImage previousStylized;
    private double sum;
    private int pairs;

    public TemporalConsistency(OpticalFlow flow) {
        this.flow = flow;
    }

    /** Adds the next frame: its content and its stylized image, of the same size. */
    public void add(RgbImage content, RgbImage stylized) {
        if (previousContent != null) {
            FrameMotion motion = FrameMotion.between(flow, previousContent, content);
            sum += error(stylized, motion.warp(previousStylized), motion.mask());
            pairs++;
        }
        previousContent = content;
        previousStylized = stylized;
    }

    /** The mean error over the frame pairs so far (0 for fewer than two frames). */
    public double meanError() {
        return pairs == 0 ? 0 : sum / pairs;
    }

    public int pairs() {
        return pairs;
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
