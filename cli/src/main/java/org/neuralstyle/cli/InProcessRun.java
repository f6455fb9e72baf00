package org.neuralstyle.cli;

import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.job.WeightsCache;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * A job given as the program's argument list (a stylize or {@code video} command), for the studio and for batches:
 * the list read as the command line reads it into a job, and the job checked or run in this JVM, with its output to a
 * writer, progress lines instead of a bar, and a listener besides. Exactly what {@code neural-style ARGS} does.
 */
final class InProcessRun {

    /**
     * How it ended: the exit status, the one-line error of a failure, and the peak memory the run's plan expects
     * (0 where it made none).
     */
    record Result(int status, String message, long plannedBytes) {

        boolean succeeded() {
            return status == 0;
        }
    }

    private InProcessRun() {
    }

    /** Everything the run checks before its work starts, without loading the network or running. */
    static Result check(List<String> arguments) {
        return execute(arguments, JobListener.NONE, new PrintWriter(Writer.nullWriter()), null, true);
    }

    /** A run; its network's weights come from {@code weights}, read there once for every run that shares it. */
    static Result run(List<String> arguments, JobListener observer, PrintWriter out, WeightsCache weights) {
        return execute(arguments, observer, out, weights, false);
    }

    private static Result execute(List<String> arguments, JobListener observer, PrintWriter out, WeightsCache weights,
                                  boolean checkOnly) {
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors, true);
        CommandLine cli = Main.commandLine(out, err);
        int status;
        long planned = 0;
        Object command;
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(arguments.toArray(String[]::new));
            command = parsed.subcommand() != null ? parsed.subcommand().commandSpec().userObject() : cli.getCommand();
        } catch (CommandLine.ParameterException e) {
            err.println("neural-style: " + e.getMessage() + " (see --help)");
            return ended(Main.EXIT_USAGE, errors, out, 0);
        }
        try {
            ConsoleListener console = new ConsoleListener(out, err, false);
            if (command instanceof VideoCommand video) {
                VideoJob job = video.job(weights);
                if (checkOnly) {
                    planned = job.check(console).plannedBytes();
                    status = 0;
                } else {
                    status = ConsoleRun.video(job, video.output, out, err, false, observer);
                }
            } else if (command instanceof StylizeCommand stylize) {
                ImageJob job = stylize.job(weights);
                if (checkOnly) {
                    planned = job.check(console).plannedBytes();
                    status = 0;
                } else {
                    status = ConsoleRun.image(job, out, err, false, stylize.printIterations, observer);
                }
            } else {
                err.println("neural-style: not a stylize or video command: " + String.join(" ", arguments));
                status = Main.EXIT_USAGE;
            }
        } catch (Exception e) {
            err.println("neural-style: " + Main.describe(e));
            status = e instanceof CommandLine.ParameterException ? Main.EXIT_USAGE : Main.EXIT_RUNTIME_ERROR;
        }
        return ended(status, errors, out, planned);
    }

    private static Result ended(int status, StringWriter errors, PrintWriter out, long planned) {
        out.print(errors);
        out.flush();
        return new Result(status, status == 0 ? null : lastError(errors.toString()), planned);
    }

    /** The program's one-line error, without its name and the pointer to --help. */
    static String lastError(String err) {
        String message = "the run failed";
        for (String line : err.lines().toList()) {
            if (line.startsWith("neural-style: ") && !line.startsWith("neural-style: note:")
                    && !line.startsWith("neural-style: warning:")) {
                message = line.substring("neural-style: ".length()).replace(" (see --help)", "");
            }
        }
        return message;
    }
}
