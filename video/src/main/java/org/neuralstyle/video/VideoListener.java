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

    /** Both listeners hear everything; the run stops when either asks. */
    static VideoListener both(VideoListener first, VideoListener second) {
        StyleTransferListener iterations = StyleTransferListener.both(first, second);
        return new VideoListener() {
            @Override
            public void onFrameStart(int frame, int frames, int frameIterations) {
                first.onFrameStart(frame, frames, frameIterations);
                second.onFrameStart(frame, frames, frameIterations);
            }

            @Override
            public void onFrameDone(FrameReport report) {
                first.onFrameDone(report);
                second.onFrameDone(report);
            }

            @Override
            public void onIteration(org.neuralstyle.algorithm.IterationProgress progress) {
                iterations.onIteration(progress);
            }

            @Override
            public void onTile(org.neuralstyle.algorithm.TileProgress progress) {
                iterations.onTile(progress);
            }

            @Override
            public boolean stopRequested() {
                return iterations.stopRequested();
            }
        };
    }
}
