package org.neuralstyle.video.io;

import org.neuralstyle.image.RgbImage;

/** One decoded frame and when it is shown, in microseconds from the start. */
public record TimedFrame(RgbImage image, long timestampMicros) {
}
