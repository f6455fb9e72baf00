package org.neuralstyle.video.io;

/** What a frame source holds: frame size, whether it has audio, and when its frames are shown. */
public record VideoInfo(int width, int height, boolean hasAudio, FrameTiming timing) {

    /** The rate the source states, in frames per second. */
    public double frameRate() {
        return timing.nominalRate();
    }

    /** The frames that can be read. */
    public int frames() {
        return timing.frames();
    }

    /** The constant rate a video of these frames is written at, each frame at its own time. */
    public double outputFrameRate() {
        return timing.outputRate();
    }
}
