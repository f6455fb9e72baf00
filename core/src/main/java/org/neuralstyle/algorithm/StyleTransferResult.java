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

    public enum Ending { COMPLETED, STOPPED, NOT_FINITE }

    public StyleTransferResult {
        history = List.copyOf(history);
    }

    public int iterationsRun() {
        return history.size() - 1;
    }
}
