package org.neuralstyle.video;

import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.algorithm.StyleTransferResult;

import java.time.Duration;

/** One stylized frame: its number of all, iterations run, best loss, time taken (flow included) and how it ended. */
public record FrameReport(int frame, int frames, int iterations, LossTerms loss, Duration elapsed,
                          StyleTransferResult.Ending ending) {
}
