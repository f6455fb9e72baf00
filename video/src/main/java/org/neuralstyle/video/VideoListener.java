package org.neuralstyle.video;

import org.neuralstyle.algorithm.StyleTransferListener;

/** Progress of a video run: frame by frame, and each frame's iterations as a {@link StyleTransferListener}. */
public interface VideoListener extends StyleTransferListener {

    /** A frame's optimisation starts (frames are numbered from 1). */
    default void onFrameStart(int frame, int frames, int iterations) {
    }

    /** A frame is finished and stored. */
    default void onFrameDone(FrameReport report) {
    }
}
