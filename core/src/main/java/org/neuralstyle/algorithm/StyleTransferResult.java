package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

import java.time.Duration;
import java.util.List;

/**
 * The outcome: the lowest-loss image seen (not simply the last iterate), its loss and iteration, the loss of
 * every evaluated iteration, and why the run ended.
 */
public record StyleTransferResult(RgbImage image, LossTerms loss, int bestIteration, List<LossTerms> history,
                                  Ending ending, Duration elapsed) {

    /** REACHED_STOP_LOSS: a video frame ended early at the previous frame's final loss. */
    public enum Ending { COMPLETED, REACHED_STOP_LOSS, STOPPED, NOT_FINITE }

    public StyleTransferResult {
        history = List.copyOf(history);
    }

    public int iterationsRun() {
        return history.size() - 1;
    }
}
