package org.neuralstyle.studio;

import org.neuralstyle.algorithm.StyleTransferListener;

/** Hears a job's run: each iteration (of each frame, for a video) and, for a video, each frame as it starts. */
public interface JobListener extends StyleTransferListener {

    /** A video job starts its {@code frame}-th frame (from 1) of {@code frames}. */
    void onFrame(int frame, int frames);
}
