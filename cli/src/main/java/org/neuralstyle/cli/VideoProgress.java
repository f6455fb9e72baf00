package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.video.FrameReport;
import org.neuralstyle.job.JobListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a video run's progress by frames: frames done of all, the current frame's loss, and an ETA from the
 * mean time of the frames this run finished after the first (which takes longer). A bar on a terminal; a line
 * per finished frame otherwise (and above the bar too, so a terminal keeps the record).
 */
final class VideoProgress implements JobListener, AutoCloseable {

    private final PrintWriter out;
    private final boolean terminal;
    private ProgressBar bar;
    private int frame;
    private Duration laterFramesTime = Duration.ZERO;
    private int laterFrames;
    private Duration firstFrameTime;
    private int remainingAfterCurrent;

    VideoProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onFrameStart(int frame, int frames, int iterations) {
        this.frame = frame;
        this.remainingAfterCurrent = frames - frame;
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
                    p.iteration(), p.iterations(), p.loss().total(), eta()));
        }
    }

    @Override
    public void onFrameDone(FrameReport r) {
        if (r.frame() == 1) {
            firstFrameTime = r.elapsed();
        } else {
            laterFrames++;
            laterFramesTime = laterFramesTime.plus(r.elapsed());
        }
        String line = String.format(Locale.ROOT, "frame %d/%d  %d iterations%s  loss %.4e  %.1fs  eta %s",
                r.frame(), r.frames(), r.iterations(),
                r.ending() == StyleTransferResult.Ending.REACHED_STOP_LOSS
                        ? " (reached the previous frame's loss)" : "",
                r.loss().total(), r.elapsed().toMillis() / 1000.0, eta());
        if (bar != null) {
            bar.stepTo(r.frame());
            bar.pause();
            System.err.print("\r\033[K");
            System.err.flush();
            out.println(line);
            out.flush();
            bar.resume();
        } else {
            out.println(line);
            out.flush();
        }
    }

    /** Frames left times the mean later-frame time (the first frame's while there is no later one yet). */
    private String eta() {
        Duration perFrame = laterFrames > 0 ? laterFramesTime.dividedBy(laterFrames) : firstFrameTime;
        if (perFrame == null) {
            return "?";
        }
        long seconds = perFrame.multipliedBy(remainingAfterCurrent).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
