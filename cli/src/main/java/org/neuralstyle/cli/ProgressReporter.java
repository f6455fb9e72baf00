package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.algorithm.TileProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a run's progress: a bar with the loss terms and ETA on a terminal (plus a line every
 * {@code printEvery} iterations if that is positive), or plain lines every {@code printEvery} iterations
 * and at the last when the output goes to a file or pipe.
 */
final class ProgressReporter implements JobListener, AutoCloseable {

    private final PrintWriter out;
    /** --print-iterations, or null: every tenth of the run when not on a terminal, none on one. */
    private final Integer printIterations;
    private int printEvery;
    private final boolean terminal;
    private ProgressBar bar;
    /** Bar steps per iteration, so that tile passes can move it within one. */
    private static final int STEPS = 100;
    static final Duration TILE_LINE_EVERY = Duration.ofSeconds(30);
    private long lastTileLine;
    /** When iteration 0 was done: set-up time (loading, graph building) is not part of the ETA. */
    private Duration startOfIterations = Duration.ZERO;

    ProgressReporter(PrintWriter out, boolean terminal, Integer printIterations) {
        this.out = out;
        this.printIterations = printIterations;
        this.terminal = terminal;
    }

    /**
     * Made at iteration 0, so its clock and ETA leave out the set-up (loading weights, building the graph).
     * One line redrawn with a carriage return, no wider than the terminal so it never wraps.
     */
    private static ProgressBar bar(int iterations) {
        int columns = 100;
        try {
            columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return new ProgressBarBuilder().setTaskName("stylize").setInitialMax((long) iterations * STEPS)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err, Math.max(40, Math.min(columns, 120) - 1)))
                .build();
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (p.iteration() == 0) {
            // On a terminal the bar shows progress; lines only when asked for with --print-iterations.
            printEvery = printIterations != null ? printIterations : terminal ? 0 : Math.max(1, p.iterations() / 10);
            startOfIterations = p.elapsed();
            if (terminal && bar == null) {
                bar = bar(p.iterations());
            }
        }
        if (bar != null) {
            bar.stepTo((long) p.iteration() * STEPS);
            LossTerms t = p.loss();
            StringBuilder parts = new StringBuilder();
            t.terms().forEach((name, value) -> parts.append(parts.length() == 0 ? "" : " ").append(shortName(name))
                    .append(String.format(Locale.ROOT, " %.2g", value)));
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3g (%s)%s", t.total(), parts, scale(p)));
            if (printEvery > 0 && p.iteration() % printEvery == 0) {
                bar.pause();
                System.err.print("\r\033[K"); // clear the bar's line so the printed line starts clean
                System.err.flush();
                out.println(line(p, startOfIterations));
                out.flush();
                bar.resume();
            }
        } else if (p.iteration() == p.iterations() || printEvery > 0 && p.iteration() % printEvery == 0) {
            out.println(line(p, startOfIterations));
        }
    }

    /**
     * Inside an iteration of a tiled run: the bar moves by the tile passes done, so its ETA stays right when one
     * iteration takes minutes; plain output says where the run is at most every {@link #TILE_LINE_EVERY}.
     */
    @Override
    public void onTile(TileProgress p) {
        if (p.iteration() == 0) {
            return; // before the bar's clock starts
        }
        if (bar != null) {
            bar.stepTo((long) (p.iteration() - 1) * STEPS + (long) STEPS * p.tile() / p.tiles());
        } else if (lastTileLine == 0 || System.nanoTime() - lastTileLine > TILE_LINE_EVERY.toNanos()) {
            lastTileLine = System.nanoTime();
            out.println(String.format(Locale.ROOT, "iteration %d/%d: tile pass %d/%d", p.iteration(), p.iterations(),
                    p.tile(), p.tiles()));
            out.flush();
        }
    }

    static String line(IterationProgress p, Duration startOfIterations) {
        return String.format(Locale.ROOT, "iteration %d/%d  %s  best %.4e (it %d)  elapsed %s  eta %s%s",
                p.iteration(), p.iterations(), terms(p.loss()), p.bestLoss().total(), p.bestIteration(),
                seconds(p.elapsed()), eta(p, startOfIterations), scale(p));
    }

    /** Which scale of a coarse-to-fine run; losses are only comparable within one. */
    private static String scale(IterationProgress p) {
        return p.scales() > 1 ? "  scale " + p.scale() + "/" + p.scales() : "";
    }

    /** "total 1.2e+04  content ...  style ...  tv ...", and any other term the loss has, by its name. */
    static String terms(LossTerms t) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "total %.4e", t.total()));
        t.terms().forEach((name, value) -> line.append(String.format(Locale.ROOT, "  %s %.4e", name, value)));
        return line.toString();
    }

    /** The bar is narrow: the usual terms by a letter or two, others by their names. */
    private static String shortName(String term) {
        return switch (term) {
            case LossTerms.CONTENT -> "c";
            case LossTerms.STYLE -> "s";
            default -> term;
        };
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
            bar = null;
        }
    }
}
