package org.neuralstyle.video;

import java.util.List;

/**
 * A video run: how many frames the video has, how many were already finished when this run began (a resumed
 * run), the frames this run stylized, and whether it was stopped before the end.
 */
public record VideoResult(int frames, int resumedAfter, List<FrameReport> stylized, boolean stopped) {

    public VideoResult {
        stylized = List.copyOf(stylized);
    }

    public boolean complete() {
        return !stopped && resumedAfter + stylized.size() == frames;
    }
}
