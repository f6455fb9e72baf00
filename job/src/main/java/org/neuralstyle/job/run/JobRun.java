package org.neuralstyle.job.run;

import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.UserError;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.video.VideoResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * A job run to its end for whoever watches it, a console or a log: its words, its progress display, a stop asked by a
 * signal (Ctrl-C: the run stops and keeps its best picture), and at the end one summary line and the program's exit
 * status. The command line, the studio and batch end every run the same way.
 */
public final class JobRun {

    public static final int OK = 0;
    public static final int RUNTIME_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;

    private JobRun() {
    }

    /** Runs a picture's job; {@code observer} hears it besides (the studio's preview) and may ask it to stop. */
    public static int image(ImageJob job, PrintWriter out, PrintWriter err, JobListener words, Display progress,
                            JobListener observer) throws IOException {
        try (StopSignal stop = new StopSignal()) {
            ImageJob.Outcome outcome;
            try (progress) { // closed (a bar cleared) before the summary is printed
                outcome = job.run(JobListener.all(words, progress, stop, observer));
            }
            stop.finished();
            return report(outcome, out, err);
        }
    }

    /** Runs a video's job; {@code observer} hears it besides (the studio's frames) and may ask it to stop. */
    public static int video(VideoJob job, PrintWriter out, PrintWriter err, JobListener words, Display progress,
                            JobListener observer) throws IOException {
        try (StopSignal stop = new StopSignal()) {
            VideoJob.Outcome outcome;
            try (progress) {
                outcome = job.run(JobListener.all(words, progress, stop, observer));
            }
            stop.finished();
            if (outcome.stopped()) {
                VideoResult result = outcome.result();
                err.printf(Locale.ROOT, RunWords.PROGRAM + "interrupted after frame %d of %d; the finished frames are "
                        + "in %s; rerun the same command to continue%n", result.resumedAfter() + result.stylized().size(),
                        result.frames(), outcome.frames());
                return INTERRUPTED;
            }
            VideoJob.summary(outcome, job.output()).forEach(out::println);
            return OK;
        }
    }

    private static int report(ImageJob.Outcome outcome, PrintWriter out, PrintWriter err) {
        StyleTransferResult result = outcome.result();
        String summary = outcome.summary();
        switch (result.ending()) {
            case STOPPED -> {
                err.println(RunWords.PROGRAM + "interrupted; " + summary);
                return INTERRUPTED;
            }
            case NOT_FINITE -> {
                err.println(RunWords.PROGRAM + "the loss stopped being finite after iteration " + result.iterationsRun()
                        + " (try a lower --learning-rate); " + summary);
                return RUNTIME_ERROR;
            }
            default -> {
                out.println(summary);
                return OK;
            }
        }
    }

    /**
     * A failure in the user's words: the file and what is wrong with it, the message of a check; anything else is an
     * internal error, said as such.
     */
    public static String describe(Exception ex) {
        if (ex instanceof NoSuchFileException missing) {
            String reason = missing.getReason();
            return missing.getFile() + ": " + (reason == null ? "file not found" : reason);
        }
        if (ex instanceof UserError || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof ArithmeticException) {
            return ex.getMessage();
        }
        return "internal error: " + ex + " (run with --verbose for details)";
    }
}
