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

    /** The previous frame's image brought into the current frame's coordinates. */
    public RgbImage warp(RgbImage previous) {
        return FlowWarp.warp(previous, backward);
    }
}
