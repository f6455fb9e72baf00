package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The state after evaluating the image at one iteration (0 = the initial image) of {@code iterations}. A
 * coarse-to-fine run counts its iterations across all scales and says which scale (1-based, of {@code scales})
 * is being optimised; losses and the best image are those of that scale. The best image is built only when
 * asked for, so listeners that just print losses cost nothing.
 */
public record IterationProgress(int iteration, int iterations, int scale, int scales, LossTerms loss,
                                LossTerms bestLoss, int bestIteration, Duration elapsed,
                                Supplier<RgbImage> bestImageSupplier) {

    /** The lowest-loss image so far, as it would be written (clamped, colours preserved if asked). */
    public RgbImage bestImage() {
        return bestImageSupplier.get();
    }
}
