package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.video.FrameReport;
import org.neuralstyle.job.run.Display;
import org.neuralstyle.job.run.FrameLines;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a video run's progress by frames on a console: a bar with frames done of all, the current frame's loss and
 * the ETA on a terminal; a line per finished frame ({@link FrameLines}), above the bar too, so a terminal keeps the
 * record.
 */
final class VideoProgress implements Display {

    private final PrintWriter out;
    private final boolean terminal;
    private final FrameLines lines;
    private ProgressBar bar;
    private int frame;

    VideoProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.lines = new FrameLines(this::printLine);
    }

    @Override
    public void onFrameStart(int frame, int frames, int iterations) {
        this.frame = frame;
        lines.onFrameStart(frame, frames, iterations);
        if (terminal && bar == null) {
            bar = new ProgressBarBuilder().setTaskName("frames").setInitialMax(frames)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 99)).build();
            bar.stepTo(frame - 1);
        }
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " frame %d it %d/%d loss %.3g eta %s", frame,
                    p.iteration(), p.iterations(), p.loss().total(), lines.eta()));
        }
    }

    @Override
    public void onFrameDone(FrameReport r) {
        if (bar != null) {
            bar.stepTo(r.frame());
        }
        lines.onFrameDone(r);
    }

    private void printLine(String line) {
        AboveTheBar.print(bar, out, line);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
