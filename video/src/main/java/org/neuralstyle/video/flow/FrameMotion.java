package org.neuralstyle.video.flow;

import org.neuralstyle.image.RgbImage;

/**
 * How the current frame relates to the previous one: the backward flow (current -> previous) that warps the
 * previous stylized frame into this one, and the per-pixel weights saying where that warp can be trusted.
 */
public record FrameMotion(FlowField backward, float[] mask) {

    /** Flows in both directions between the two content frames, and Ruder et al.'s mask from them. */
    public static FrameMotion between(OpticalFlow flow, RgbImage previous, RgbImage current) {
        FlowField backward = flow.flow(current, previous);
        FlowField forward = flow.flow(previous, current);
        return new FrameMotion(backward, TemporalMask.of(backward, forward));
    }

    /**
     * This motion with the mask also 0 where the flow is wrong by its own evidence: the previous content frame,
     * warped, differs from the current one by more than {@code tolerance} levels (mean over RGB, 0..255). The
     * forward-backward check misses flows that are wrong both ways alike (foliage, repeated texture); holding a
     * pixel there to the warped previous stylized frame pulls in a picture of something else, which shows as
     * ghosting. Ruder et al.'s mask stays what the flicker measure uses.
     */
    public FrameMotion checkedAgainst(RgbImage previousContent, RgbImage currentContent, double tolerance) {
        float[] warped = warp(previousContent).pixels();
        float[] current = currentContent.pixels();
        float[] checked = mask.clone();
        for (int p = 0; p < checked.length; p++) {
            double difference = (Math.abs(warped[3 * p] - current[3 * p]) + Math.abs(warped[3 * p + 1] - current[3 * p + 1])
                    + Math.abs(warped[3 * p + 2] - current[3 * p + 2])) / 3;
            if (difference > tolerance) {
                checked[p] = 0;
            }
        }
        return new FrameMotion(backward, checked);
    }

    /** The previous frame's image warped where the mask holds, the fill (this frame's content) elsewhere. */
    public RgbImage warpOr(RgbImage previous, RgbImage fill) {
        float[] px = warp(previous).pixels().clone();
        float[] f = fill.pixels();
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == 0) {
                System.arraycopy(f, 3 * p, px, 3 * p, 3);
            }
        }
        return new RgbImage(fill.width(), fill.height(), px);
    }

    /** The previous frame's image brought into the current frame's coordinates. */
    public RgbImage warp(RgbImage previous) {
        return FlowWarp.warp(previous, backward);
    }
}
