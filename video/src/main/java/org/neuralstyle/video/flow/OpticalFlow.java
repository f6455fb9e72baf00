package org.neuralstyle.video.flow;

import org.neuralstyle.image.RgbImage;

/** Dense optical flow between two frames of the same size. */
public interface OpticalFlow extends AutoCloseable {

    /**
     * For each pixel p of {@code from}, the displacement w(p) to where that point lies in {@code to}:
     * from(p) ~ to(p + w(p)). The backward flow of frame t is {@code flow(frame t, frame t-1)}.
     */
    FlowField flow(RgbImage from, RgbImage to);

    @Override
    void close();
}
