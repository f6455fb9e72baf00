package org.neuralstyle.job.run;

import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.RecordedSettings;
import org.neuralstyle.job.UserError;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.job.WeightsCache;
import org.neuralstyle.job.options.ArgumentList;
import org.neuralstyle.job.options.JobKind;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * A job kept as the program's words (what the studio and batch keep, so that a job's command reproduces it), read
 * with the jobs' option table ({@link ArgumentList}) and checked or run in this JVM: its lines to a writer (a log),
 * progress as plain lines, a listener besides. What {@code neural-style WORDS} does, without the command line.
 */
public final class ArgumentRun {

    /**
     * How it ended: the exit status, the one-line error of a failure, and the peak memory the run's plan expects
     * (0 where it made none).
     */
    public record Result(int status, String message, long plannedBytes) {

        public boolean succeeded() {
            return status == JobRun.OK;
        }
    }

    private ArgumentRun() {
    }

    /** Everything the run checks before its work starts, without loading the network or running. */
    public static Result check(List<String> words) {
        return execute(words, JobListener.NONE, new PrintWriter(Writer.nullWriter()), null, true);
    }

    /** A run; its network's weights come from {@code weights}, read there once for every run that shares it. */
    public static Result run(List<String> words, JobListener observer, PrintWriter out, WeightsCache weights) {
        return execute(words, observer, out, weights, false);
    }

    private static Result execute(List<String> words, JobListener observer, PrintWriter out, WeightsCache weights,
                                  boolean checkOnly) {
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors, true);
        RunWords said = new RunWords(out, err);
        ImageJob image = null;
        VideoJob video = null;
        Integer printIterations = null;
        try {
            ArgumentList list = ArgumentList.read(words);
            printIterations = list.request().printIterations();
            if (list.kind() == JobKind.VIDEO) {
                video = new VideoJob(list.video(), weights);
            } else {
                image = new ImageJob(list.image(RecordedSettings.PROGRAM_VERSION), weights);
            }
        } catch (UserError e) {
            err.println(RunWords.PROGRAM + e.getMessage());
            return ended(JobRun.USAGE, errors, out, 0);
        }
        int status;
        long planned = 0;
        try {
            if (checkOnly) {
                planned = (video != null ? video.check(said) : image.check(said)).plannedBytes();
                status = JobRun.OK;
            } else if (video != null) {
                status = JobRun.video(video, out, err, said, new FrameLines(line -> print(out, line)), observer);
            } else {
                status = JobRun.image(image, out, err, said, new ProgressLines(line -> print(out, line), printIterations, false),
                        observer);
            }
        } catch (Exception e) {
            err.println(RunWords.PROGRAM + JobRun.describe(e));
            status = JobRun.RUNTIME_ERROR;
        }
        return ended(status, errors, out, planned);
    }

    private static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    private static Result ended(int status, StringWriter errors, PrintWriter out, long planned) {
        out.print(errors);
        out.flush();
        return new Result(status, status == JobRun.OK ? null : lastError(errors.toString()), planned);
    }

    /** The program's one-line error, without its name. */
    static String lastError(String err) {
        String message = "the run failed";
        for (String line : err.lines().toList()) {
            if (line.startsWith(RunWords.PROGRAM) && !line.startsWith(RunWords.PROGRAM + "note:")
                    && !line.startsWith(RunWords.PROGRAM + "warning:")) {
                message = line.substring(RunWords.PROGRAM.length()).replace(" (see --help)", "");
            }
        }
        return message;
    }
}
