package org.neuralstyle.video;

import org.neuralstyle.video.flow.FrameMotion;

import java.util.List;

/**
 * How a video is stylized, beyond the image options: the frame size, how many frames, where frames start,
 * the iteration budget of the first and of later frames, the temporal weight (flow only; Ruder et al. used
 * 1e3), which earlier frames the temporal loss holds a frame to (1: the previous one; 1, 2, 4: Ruder et al.'s
 * long-term consistency), whether a frame stops once it reaches the previous frame's final loss, and how far
 * (levels, 0..255) the warped previous content frame may differ from the current one where the temporal loss still
 * holds a pixel ({@link FrameMotion#checkedAgainst}; infinite: Ruder et al.'s mask alone).
 */
public record VideoSettings(int width, int height, int frames, VideoInit init, int firstFrameIterations,
                            int laterFrameIterations, double temporalWeight, List<Integer> temporalFrames,
                            boolean earlyStop, double flowTolerance) {

    /**
     * Measured on 24 frames of the tree clip with SqueezeNet (README, Video), the frames starting from their content
     * where the check fails: at 256 px, without the check the flow mode's frames follow their content at 0.70 of
     * independent frames' fidelity (ghosting); at 48 levels 0.89 with a flicker error of 3.5; at 24, 1.00 with 16
     * (previous-frame starts: 658). At 128 px, 48 gives 0.96 and 0.41, 24 only 0.79: 48 holds at both sizes.
     */
    public static final double DEFAULT_FLOW_TOLERANCE = 48;

    /** Without the flow check: the settings as before it (tests of other parts). */
    public VideoSettings(int width, int height, int frames, VideoInit init, int firstFrameIterations,
                         int laterFrameIterations, double temporalWeight, List<Integer> temporalFrames, boolean earlyStop) {
        this(width, height, frames, init, firstFrameIterations, laterFrameIterations, temporalWeight, temporalFrames,
                earlyStop, DEFAULT_FLOW_TOLERANCE);
    }

    public VideoSettings {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frames must be at least 2x2 with even sides, got " + width + "x" + height);
        }
        if (frames < 1 || firstFrameIterations < 1 || laterFrameIterations < 1) {
            throw new IllegalArgumentException("frames and iterations must be at least 1");
        }
        if (!(temporalWeight >= 0) || Double.isInfinite(temporalWeight)) {
            throw new IllegalArgumentException("temporal weight must be a non-negative number, got " + temporalWeight);
        }
        temporalFrames = List.copyOf(temporalFrames);
        for (int i = 0; i < temporalFrames.size(); i++) {
            if (temporalFrames.get(i) < 1 || i > 0 && temporalFrames.get(i) <= temporalFrames.get(i - 1)) {
                throw new IllegalArgumentException("temporal frames must be increasing distances of at least 1, got "
                        + temporalFrames);
            }
        }
        if (!(flowTolerance > 0)) {
            throw new IllegalArgumentException("flow tolerance must be positive (infinite: no check), got " + flowTolerance);
        }
        if (temporalFrames.isEmpty()) {
            throw new IllegalArgumentException("at least one temporal frame is needed (1: the previous frame)");
        }
    }

    /** The farthest earlier frame a frame needs: the temporal loss's, or the previous one to start from. */
    int history() {
        return init == VideoInit.FLOW ? temporalFrames.get(temporalFrames.size() - 1) : 1;
    }

    /** Even sides (4:2:0 video needs them): the width rounded down, the height at the source's aspect ratio. */
    public static int[] frameSize(int sourceWidth, int sourceHeight, int width) {
        int w = Math.max(2, width - width % 2);
        int h = (int) Math.max(2, Math.round((double) sourceHeight * w / sourceWidth / 2.0) * 2);
        return new int[] {w, h};
    }

    /** The iterations of frame k (1-based): independent frames all start afresh and get the first frame's. */
    int iterationsOf(int frame) {
        return frame == 1 || init == VideoInit.INDEPENDENT ? firstFrameIterations : laterFrameIterations;
    }
}
