package org.neuralstyle.cli;

import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.video.VideoResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A job run for a person watching a console: its words ({@link ConsoleListener}), the progress display, Ctrl-C
 * asking it to stop and keep its best picture, and at the end one summary line and the exit status.
 */
final class ConsoleRun {

    private ConsoleRun() {
    }

    /** Runs a picture's job; {@code observer} hears it besides (the studio's preview) and may ask it to stop. */
    static int image(ImageJob job, PrintWriter out, PrintWriter err, boolean terminal, Integer printIterations,
                     JobListener observer) throws IOException {
        try (StopSignal stop = new StopSignal()) {
            ImageJob.Outcome outcome;
            // The bar is closed before anything else is printed.
            try (ProgressReporter progress = new ProgressReporter(out, terminal, printIterations)) {
                outcome = job.run(JobListener.all(new ConsoleListener(out, err, terminal), progress, stop, observer));
            }
            stop.finished();
            return report(outcome, out, err);
        }
    }

    /** Runs a video's job; {@code observer} hears it besides (the studio's frames) and may ask it to stop. */
    static int video(VideoJob job, Path output, PrintWriter out, PrintWriter err, boolean terminal,
                     JobListener observer) throws IOException {
        try (StopSignal stop = new StopSignal()) {
            VideoJob.Outcome outcome;
            try (VideoProgress progress = new VideoProgress(out, terminal)) {
                outcome = job.run(JobListener.all(new ConsoleListener(out, err, terminal), progress, stop, observer));
            }
            stop.finished();
            if (outcome.stopped()) {
                VideoResult result = outcome.result();
                err.printf(Locale.ROOT, "neural-style: interrupted after frame %d of %d; the finished frames are in %s; "
                        + "rerun the same command to continue%n", result.resumedAfter() + result.stylized().size(),
                        result.frames(), outcome.frames());
                return StylizeCommand.EXIT_INTERRUPTED;
            }
            VideoJob.summary(outcome, output).forEach(out::println);
            return 0;
        }
    }

    private static int report(ImageJob.Outcome outcome, PrintWriter out, PrintWriter err) {
        StyleTransferResult result = outcome.result();
        String summary = outcome.summary();
        switch (result.ending()) {
            case STOPPED -> {
                err.println("neural-style: interrupted; " + summary);
                return StylizeCommand.EXIT_INTERRUPTED;
            }
            case NOT_FINITE -> {
                err.println("neural-style: the loss stopped being finite after iteration " + result.iterationsRun()
                        + " (try a lower --learning-rate); " + summary);
                return Main.EXIT_RUNTIME_ERROR;
            }
            default -> {
                out.println(summary);
                return 0;
            }
        }
    }
}
