package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.job.run.Display;
import org.neuralstyle.algorithm.TileProgress;
import org.neuralstyle.job.run.ProgressLines;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run's progress on a console: a bar with the loss terms and ETA on a terminal (plus a line every
 * {@code printEvery} iterations if asked for), or plain lines ({@link ProgressLines}) when the output goes to a
 * file or pipe.
 */
final class ProgressReporter implements Display {

    private final PrintWriter out;
    private final boolean terminal;
    private final ProgressLines lines;
    private ProgressBar bar;
    /** Bar steps per iteration, so that tile passes can move it within one. */
    private static final int STEPS = 100;

    ProgressReporter(PrintWriter out, boolean terminal, Integer printIterations) {
        this.out = out;
        this.terminal = terminal;
        this.lines = new ProgressLines(this::printLine, printIterations, terminal);
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
        if (p.iteration() == 0 && terminal && bar == null) {
            bar = bar(p.iterations());
        }
        if (bar != null) {
            bar.stepTo((long) p.iteration() * STEPS);
            LossTerms t = p.loss();
            StringBuilder parts = new StringBuilder();
            t.terms().forEach((name, value) -> parts.append(parts.length() == 0 ? "" : " ").append(shortName(name))
                    .append(String.format(Locale.ROOT, " %.2g", value)));
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3g (%s)%s", t.total(), parts,
                    ProgressLines.scale(p)));
        }
        lines.onIteration(p);
    }

    private void printLine(String line) {
        AboveTheBar.print(bar, out, line);
    }

    /**
     * Inside an iteration of a tiled run: the bar moves by the tile passes done, so its ETA stays right when one
     * iteration takes minutes; plain output says where the run is now and then.
     */
    @Override
    public void onTile(TileProgress p) {
        if (bar != null && p.iteration() > 0) {
            bar.stepTo((long) (p.iteration() - 1) * STEPS + (long) STEPS * p.tile() / p.tiles());
        }
        lines.onTile(p);
    }

    /** The bar is narrow: the usual terms by a letter or two, others by their names. */
    private static String shortName(String term) {
        return switch (term) {
            case LossTerms.CONTENT -> "c";
            case LossTerms.STYLE -> "s";
            default -> term;
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
