package org.neuralstyle.job;

import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Keeps a run's best image so far on disk while it goes on, every tenth of the run and at least every
 * {@link #EVERY}, written atomically: a run killed outright (power loss, the OOM killer, kill -9), which cannot write
 * its picture at the end, loses at most that much work. The file is the output's name with {@code .partial.png}, in
 * the output's folder; it goes once the picture itself is written. A video keeps its current frame's the same way
 * (its finished frames are kept as they are done).
 */
final class BestSoFar implements JobListener {

    static final Duration EVERY = Duration.ofSeconds(30);

    private final Path file;
    private final JobListener notes;
    private long lastNanos;
    private int lastIteration;

    BestSoFar(Path output, JobListener notes) {
        this.file = fileFor(output);
        this.notes = notes;
    }

    /** out.png -> out.partial.png, beside it. */
    static Path fileFor(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".partial.png");
    }

    @Override
    public void onIteration(IterationProgress p) {
        long now = System.nanoTime();
        if (p.iteration() == 0) { // a run starts (each frame of a video is one)
            lastNanos = now;
            lastIteration = 0;
            return;
        }
        boolean aTenth = p.iteration() - lastIteration >= Math.max(1, p.iterations() / 10);
        if (!aTenth && now - lastNanos < EVERY.toNanos() || p.iteration() == p.iterations()) {
            return; // the last iteration's image is the picture itself
        }
        lastNanos = now;
        lastIteration = p.iteration();
        try {
            ImageFiles.write(p.bestImage(), file);
        } catch (IOException e) {
            // A safety copy: the run goes on without it, and says nothing here. Where the disk is full, the picture at
            // the end cannot be written either, and that one line says where the result was kept instead.
        }
    }

    /** The picture is written: the safety copy is not needed any more. */
    void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            notes.onNote("note: " + file + " (the best image kept during the run) could not be removed: "
                    + AtomicFiles.reason(e));
        }
    }
}
