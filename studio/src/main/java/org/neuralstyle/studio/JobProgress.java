package org.neuralstyle.studio;

import org.neuralstyle.job.JobListener;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.image.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows a running job: records its loss curve and ETA, writes the best image so far as the preview every few
 * iterations (also at iteration 0, so the page shows the start at once) and at least every
 * {@link #MAX_PREVIEW_GAP}, saves the job's record and curve beside each preview (so a server killed outright
 * restarts with the progress its folder shows), tells the page, and passes a cancel on to the run, which then
 * keeps its best image. For a video the iterations are those of the current frame, the
 * curve runs on across frames, and the ETA comes from the time the finished frames took.
 */
final class JobProgress implements JobListener {

    /** About this many previews per run (per frame of a video), and never two closer than {@link #MIN_PREVIEW_GAP}. */
    static final int PREVIEWS_PER_RUN = 40;
    static final Duration MIN_PREVIEW_GAP = Duration.ofMillis(300);
    /** However long the run, the best image reaches the disk at least this often. */
    static final Duration MAX_PREVIEW_GAP = Duration.ofSeconds(30);
    /** Updates to the page at most this often between previews. */
    static final Duration MIN_EVENT_GAP = Duration.ofMillis(250);
    /** Loss points kept per run (per frame), at most. */
    static final int MAX_POINTS = 2000;

    private final Job job;
    private final Path preview;
    private final Consumer<Job> changed;
    private final Consumer<Job> saved;
    private Duration startOfIterations = Duration.ZERO;
    private long lastPreviewNanos;
    private int lastPreviewIteration = -1;
    private long lastEventNanos;
    private int previews;
    private int frame;
    private int frames;
    private long firstFrameNanos;
    private long frameStartNanos;
    /** Iterations of the frames before the current one: the curve's x runs on across a video's frames. */
    private int iterationsBefore;
    private int lastIteration;

    /**
     * @param changed told when the page should hear of the job
     * @param saved   told when a preview was written: the job's record and curve are saved to match it
     */
    JobProgress(Job job, Path preview, Consumer<Job> changed, Consumer<Job> saved) {
        this.job = job;
        this.preview = preview;
        this.changed = changed;
        this.saved = saved;
        this.previews = job.record().previews();
    }

    @Override
    public void onFrameStart(int frame, int frames, int iterations) {
        if (this.frame == 0) {
            firstFrameNanos = System.nanoTime();
        } else {
            iterationsBefore += lastIteration + 1;
        }
        frameStartNanos = System.nanoTime();
        this.frame = frame;
        this.frames = frames;
        lastIteration = 0;
        lastPreviewIteration = -1;
    }

    @Override
    public void onIteration(IterationProgress p) {
        int total = p.iterations();
        int it = p.iteration();
        lastIteration = it;
        if (it == 0) {
            startOfIterations = p.elapsed();
        }
        int pointEvery = Math.max(1, total / MAX_POINTS);
        LossTerms loss = p.loss();
        if (it % pointEvery == 0 || it == total) {
            job.addLoss(new LossPoint(iterationsBefore + it, loss.total(), loss.terms()));
        }
        boolean wrote = false;
        int previewEvery = Math.max(1, total / PREVIEWS_PER_RUN);
        long now = System.nanoTime();
        if (it == 0 || it == total || it - lastPreviewIteration >= previewEvery
                && now - lastPreviewNanos >= MIN_PREVIEW_GAP.toNanos()
                || now - lastPreviewNanos >= MAX_PREVIEW_GAP.toNanos()) {
            try {
                ImageFiles.write(p.bestImage(), preview);
                previews++;
                wrote = true;
                lastPreviewNanos = now;
                lastPreviewIteration = it;
            } catch (IOException e) {
                // a missed preview is not worth stopping the run for; the next one may succeed
            }
        }
        Double eta = eta(p);
        int shown = previews;
        job.update(r -> r.progressed(it, total, frame, frames, eta, p.bestLoss().total(), shown));
        if (wrote) {
            saved.accept(job);
        }
        if (wrote || it == total || now - lastEventNanos >= MIN_EVENT_GAP.toNanos()) {
            lastEventNanos = now;
            changed.accept(job);
        }
    }

    /** Seconds left: from this run's iteration rate, or for a video from its finished frames' average. */
    private Double eta(IterationProgress p) {
        int it = p.iteration();
        double thisRun = it == 0 ? Double.NaN
                : (p.elapsed().minus(startOfIterations).toNanos() / 1e9) / it * (p.iterations() - it);
        if (frames == 0) {
            return Double.isNaN(thisRun) ? null : thisRun;
        }
        if (frame <= 1) {
            return null; // later frames take fewer iterations: the first one says little
        }
        double perFrame = (frameStartNanos - firstFrameNanos) / 1e9 / (frame - 1);
        double frameDone = (double) it / Math.max(1, p.iterations());
        return perFrame * (frames - frame + 1 - frameDone);
    }

    /** What the run says to its user (a note, a warning) goes on the job's card. */
    @Override
    public void onNote(String line) {
        job.update(r -> r.noted(line));
        changed.accept(job);
    }

    @Override
    public boolean stopRequested() {
        return job.cancelRequested();
    }
}
