package org.neuralstyle.video.io;

/** What a frame source holds: frame size, frame rate (frames per second), frame count, and whether it has audio. */
public record VideoInfo(int width, int height, double frameRate, int frames, boolean hasAudio) {
}
