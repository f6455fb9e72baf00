package org.neuralstyle.cli;

import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.job.run.JobRun;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A job run for a person watching a console ({@link JobRun}): its words ({@link ConsoleListener}) and a progress bar
 * on a terminal, plain lines otherwise.
 */
final class ConsoleRun {

    private ConsoleRun() {
    }

    /** Runs a picture's job; {@code observer} hears it besides and may ask it to stop. */
    static int image(ImageJob job, PrintWriter out, PrintWriter err, boolean terminal, Integer printIterations,
                     JobListener observer) throws IOException {
        return JobRun.image(job, out, err, new ConsoleListener(out, err, terminal),
                new ProgressReporter(out, terminal, printIterations), observer);
    }

    /** Runs a video's job; {@code observer} hears it besides and may ask it to stop. */
    static int video(VideoJob job, PrintWriter out, PrintWriter err, boolean terminal, JobListener observer)
            throws IOException {
        return JobRun.video(job, out, err, new ConsoleListener(out, err, terminal), new VideoProgress(out, terminal),
                observer);
    }
}
