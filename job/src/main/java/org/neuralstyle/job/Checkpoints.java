package org.neuralstyle.job;

import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.image.ImageFiles;

import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the best image so far every N iterations to a name pattern ("out_%s.png" -> out_100.png), as the
 * reference's --checkpoint-output. A checkpoint can be resumed from with --initial.
 */
final class Checkpoints implements JobListener {

    private final String pattern;
    private final int every;
    private final JobListener notes;
    private boolean warned;

    private Checkpoints(String pattern, int every, JobListener notes) {
        this.pattern = pattern;
        this.every = every;
        this.notes = notes;
    }

    static Checkpoints none() {
        return new Checkpoints(null, 0, null);
    }

    /** Checks the pattern and that none of the files it will write exist (unless overwriting). */
    static Checkpoints of(String pattern, int every, int iterations, boolean overwrite, JobListener notes) {
        if (pattern == null) {
            return none();
        }
        if (!pattern.contains("%s")) {
            throw new UserError("--checkpoint-output must contain %s for the iteration number, got '" + pattern + "'");
        }
        if (every < 1) {
            throw new UserError("--checkpoint-iterations must be at least 1 when --checkpoint-output is given");
        }
        Checkpoints checkpoints = new Checkpoints(pattern, every, notes);
        for (Path file : checkpoints.files(iterations)) {
            OutputFiles.requireWritableImage(file, overwrite, "--checkpoint-output");
        }
        return checkpoints;
    }

    List<Path> files(int iterations) {
        List<Path> files = new ArrayList<>();
        if (pattern == null) {
            return files;
        }
        for (int i = every; i <= iterations; i += every) {
            files.add(file(i));
        }
        return files;
    }

    private Path file(int iteration) {
        return Path.of(pattern.replace("%s", Integer.toString(iteration)));
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (pattern == null || p.iteration() == 0 || p.iteration() % every != 0) {
            return;
        }
        try {
            ImageFiles.write(p.bestImage(), file(p.iteration()));
        } catch (IOException e) {
            // A checkpoint is a safety copy: the run, and its result, go on without it.
            if (!warned) {
                notes.onNote("warning: --checkpoint-output " + file(p.iteration()) + ": cannot write ("
                        + AtomicFiles.reason(e) + "); the run goes on without checkpoints");
                warned = true;
            }
        }
    }
}
