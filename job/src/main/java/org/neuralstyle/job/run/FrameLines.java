package org.neuralstyle.job.run;

import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.video.FrameReport;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A video run's progress as a line per finished frame: frames done of all, its iterations and loss, and an ETA from
 * the mean time of the frames this run finished after the first (which takes longer).
 */
public final class FrameLines implements Display {

    private final Consumer<String> print;
    private Duration laterFramesTime = Duration.ZERO;
    private int laterFrames;
    private Duration firstFrameTime;
    private int remainingAfterCurrent;

    public FrameLines(Consumer<String> print) {
        this.print = print;
    }

    @Override
    public void onFrameStart(int frame, int frames, int iterations) {
        remainingAfterCurrent = frames - frame;
    }

    @Override
    public void onFrameDone(FrameReport r) {
        if (r.frame() == 1) {
            firstFrameTime = r.elapsed();
        } else {
            laterFrames++;
            laterFramesTime = laterFramesTime.plus(r.elapsed());
        }
        print.accept(String.format(Locale.ROOT, "frame %d/%d  %d iterations%s  loss %.4e  %.1fs  eta %s",
                r.frame(), r.frames(), r.iterations(),
                r.ending() == StyleTransferResult.Ending.REACHED_STOP_LOSS ? " (reached the previous frame's loss)" : "",
                r.loss().total(), r.elapsed().toMillis() / 1000.0, eta()));
    }

    /** Frames left times the mean later-frame time (the first frame's while there is no later one yet). */
    public String eta() {
        Duration perFrame = laterFrames > 0 ? laterFramesTime.dividedBy(laterFrames) : firstFrameTime;
        if (perFrame == null) {
            return "?";
        }
        long seconds = perFrame.multipliedBy(remainingAfterCurrent).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
