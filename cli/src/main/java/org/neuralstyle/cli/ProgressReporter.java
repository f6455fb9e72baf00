package org.neuralstyle.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.algorithm.StyleTransferListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a run's progress: a bar with the loss terms and ETA on a terminal, or plain lines (every
 * {@code printEvery} iterations and the last) when the output goes to a file or pipe.
 */
final class ProgressReporter implements StyleTransferListener, AutoCloseable {

    private final PrintWriter out;
    private final int printEvery;
    private final ProgressBar bar;
    private final Checkpoints checkpoints;
    private final StopSignal stop;
    /** When iteration 0 was done: set-up time (loading, graph building) is not part of the ETA. */
    private Duration startOfIterations = Duration.ZERO;

    ProgressReporter(PrintWriter out, boolean terminal, int printEvery, int iterations, Checkpoints checkpoints,
                     StopSignal stop) {
        this.out = out;
        this.printEvery = printEvery;
        this.checkpoints = checkpoints;
        this.stop = stop;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("stylize").setInitialMax(iterations)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).continuousUpdate()
                .setMaxRenderedLength(140).build() : null;
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (p.iteration() == 0) {
            startOfIterations = p.elapsed();
        }
        if (bar != null) {
            bar.stepTo(p.iteration());
            bar.setExtraMessage(" " + terms(p.loss()));
            if (printEvery > 0 && p.iteration() % printEvery == 0) {
                bar.pause();
                out.println(line(p, startOfIterations));
                bar.resume();
            }
        } else if (p.iteration() == p.iterations() || printEvery > 0 && p.iteration() % printEvery == 0) {
            out.println(line(p, startOfIterations));
        }
        checkpoints.onIteration(p);
    }

    @Override
    public boolean stopRequested() {
        return stop.requested();
    }

    static String line(IterationProgress p, Duration startOfIterations) {
        return String.format(Locale.ROOT, "iteration %d/%d  %s  best %.4e (it %d)  elapsed %s  eta %s",
                p.iteration(), p.iterations(), terms(p.loss()), p.bestLoss().total(), p.bestIteration(),
                seconds(p.elapsed()), eta(p, startOfIterations));
    }

    static String terms(LossTerms t) {
        return String.format(Locale.ROOT, "total %.4e  content %.4e  style %.4e  tv %.4e",
                t.total(), t.content(), t.style(), t.tv());
    }

    private static String eta(IterationProgress p, Duration startOfIterations) {
        if (p.iteration() == 0) {
            return "?";
        }
        double perIteration = p.elapsed().minus(startOfIterations).toNanos() / 1e9 / p.iteration();
        return seconds(Duration.ofMillis(Math.round(perIteration * (p.iterations() - p.iteration()) * 1000)));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
