package org.neuralstyle.job.run;

import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.algorithm.TileProgress;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A run's progress as plain lines: the loss terms, the best loss, elapsed time and ETA every {@code printEvery}
 * iterations (every tenth of the run unless asked otherwise) and at the last, and where a tiled iteration is at most
 * every {@link #TILE_LINE_EVERY}. Beside a progress bar it prints only the lines asked for, and no tile lines (the bar
 * shows where the run is).
 */
public final class ProgressLines implements Display {

    public static final Duration TILE_LINE_EVERY = Duration.ofSeconds(30);

    private final Consumer<String> print;
    /** --print-iterations, or null: every tenth of the run, or none beside a bar. */
    private final Integer printIterations;
    private final boolean besideABar;
    private int printEvery;
    private long lastTileLine;
    /** When iteration 0 was done: set-up time (loading, graph building) is not part of the ETA. */
    private Duration startOfIterations = Duration.ZERO;

    public ProgressLines(Consumer<String> print, Integer printIterations, boolean besideABar) {
        this.print = print;
        this.printIterations = printIterations;
        this.besideABar = besideABar;
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (p.iteration() == 0) {
            printEvery = printIterations != null ? printIterations : besideABar ? 0 : Math.max(1, p.iterations() / 10);
            startOfIterations = p.elapsed();
        }
        boolean due = printEvery > 0 && p.iteration() % printEvery == 0;
        if (due || !besideABar && p.iteration() == p.iterations()) {
            print.accept(line(p, startOfIterations));
        }
    }

    @Override
    public void onTile(TileProgress p) {
        if (besideABar || p.iteration() == 0) {
            return;
        }
        if (lastTileLine == 0 || System.nanoTime() - lastTileLine > TILE_LINE_EVERY.toNanos()) {
            lastTileLine = System.nanoTime();
            print.accept(String.format(Locale.ROOT, "iteration %d/%d: tile pass %d/%d", p.iteration(), p.iterations(),
                    p.tile(), p.tiles()));
        }
    }

    static String line(IterationProgress p, Duration startOfIterations) {
        return String.format(Locale.ROOT, "iteration %d/%d  %s  best %.4e (it %d)  elapsed %s  eta %s%s",
                p.iteration(), p.iterations(), terms(p.loss()), p.bestLoss().total(), p.bestIteration(),
                seconds(p.elapsed()), eta(p, startOfIterations), scale(p));
    }

    /** Which scale of a coarse-to-fine run; losses are only comparable within one. */
    public static String scale(IterationProgress p) {
        return p.scales() > 1 ? "  scale " + p.scale() + "/" + p.scales() : "";
    }

    /** "total 1.2e+04  content ...  style ...  tv ...", and any other term the loss has, by its name. */
    static String terms(LossTerms t) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "total %.4e", t.total()));
        t.terms().forEach((name, value) -> line.append(String.format(Locale.ROOT, "  %s %.4e", name, value)));
        return line.toString();
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
}
