package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * What the temporal loss holds a video frame to: the previous stylized frame warped into this frame by the
 * optical flow, and a weight per pixel (row-major, 0 where the warp is not trusted: disocclusions, motion
 * boundaries, points from outside the frame).
 */
public record TemporalTarget(RgbImage warpedPrevious, float[] mask) {

    public TemporalTarget {
        if (mask.length != warpedPrevious.width() * warpedPrevious.height()) {
            throw new IllegalArgumentException(mask.length + " mask weights for a " + warpedPrevious.width() + "x"
                    + warpedPrevious.height() + " image");
        }
        mask = mask.clone();
    }

    @Override
    public float[] mask() {
        return mask.clone();
    }
}
