package org.neuralstyle.benchmark;

import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferListener;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.image.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * Wall time to a given quality, the measure that counts for a user: how long until the total loss at the
 * output size is as low as the baseline's (plain Adam, as the paper ran it) after a number of its iterations.
 * Times run from the start of the style transfer, graph building and coarse scales included.
 */
public final class TimeToQuality {

    /** A way to run: its options (optimiser, budget at the output size) and any coarse scales before it. */
    public record Method(String name, StyleTransferOptions options, List<CoarseToFine.Scale> coarseScales) {
        public Method {
            coarseScales = List.copyOf(coarseScales);
        }
    }

    /** A quality level: the baseline's lowest loss within its first {@code baselineIterations}. */
    public record Target(int baselineIterations, double loss) {
    }

    /**
     * When a method first reached the target loss at the output size (NaN seconds and -1 iterations if it never
     * did), and the lowest loss it reached in its budget.
     */
    public record Outcome(String method, Target target, double secondsToTarget, int iterationsToTarget,
                          double bestLoss) {
        public boolean reached() {
            return iterationsToTarget >= 0;
        }
    }

    private final StyleTransfer transfer;
    private final RgbImage content;
    private final List<StyleImage> styles;

    public TimeToQuality(StyleTransfer transfer, RgbImage content, List<StyleImage> styles) {
        this.transfer = transfer;
        this.content = content;
        this.styles = styles;
    }

    /**
     * Runs the baseline for its iterations. Each checkpoint k gives a target, the lowest loss within the first
     * k iterations, reached by the baseline itself at the time it first got there.
     */
    public List<Outcome> baseline(Method method, List<Integer> checkpoints) {
        List<IterationProgress> trace = new ArrayList<>();
        run(method, progressInto(trace, Double.NEGATIVE_INFINITY)); // never stops early
        List<Outcome> outcomes = new ArrayList<>();
        for (int k : checkpoints) {
            IterationProgress best = null;
            for (IterationProgress p : trace) {
                if (p.iteration() <= k && (best == null || p.loss().total() < best.loss().total())) {
                    best = p;
                }
            }
            Target target = new Target(k, best.loss().total());
            outcomes.add(new Outcome(method.name(), target, seconds(best), best.iteration(), best.loss().total()));
        }
        return outcomes;
    }

    /** Runs until the loss at the output size is at or below every target, or the method's budget is spent. */
    public List<Outcome> race(Method method, List<Target> targets) {
        double lowest = targets.stream().mapToDouble(Target::loss).min().orElseThrow();
        List<IterationProgress> trace = new ArrayList<>();
        run(method, progressInto(trace, lowest));
        double bestLoss = trace.stream().filter(p -> p.scale() == p.scales())
                .mapToDouble(p -> p.loss().total()).min().orElse(Double.NaN);
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : targets) {
            IterationProgress first = trace.stream()
                    .filter(p -> p.scale() == p.scales() && p.loss().total() <= target.loss()).findFirst().orElse(null);
            outcomes.add(new Outcome(method.name(), target, first == null ? Double.NaN : seconds(first),
                    first == null ? -1 : first.iteration(), bestLoss));
        }
        return outcomes;
    }

    /** Records every iteration; stops once the loss at the output size is at or below the stop loss. */
    private static StyleTransferListener progressInto(List<IterationProgress> trace, double stopLoss) {
        return new StyleTransferListener() {
            private boolean done;

            @Override
            public void onIteration(IterationProgress p) {
                trace.add(p);
                done |= p.scale() == p.scales() && p.loss().total() <= stopLoss;
            }

            @Override
            public boolean stopRequested() {
                return done;
            }
        };
    }

    private void run(Method method, StyleTransferListener listener) {
        List<CoarseToFine.Scale> scales = new ArrayList<>(method.coarseScales());
        scales.add(new CoarseToFine.Scale(content.width(), method.options().iterations()));
        new CoarseToFine(transfer).stylize(content, styles, method.options(), scales, listener);
    }

    private static double seconds(IterationProgress p) {
        return p.elapsed().toNanos() / 1e9;
    }
}
