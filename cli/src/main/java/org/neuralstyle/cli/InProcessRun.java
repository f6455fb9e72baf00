package org.neuralstyle.cli;

import org.neuralstyle.algorithm.StyleTransferListener;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * The program run in this JVM on an argument list (a stylize or {@code video} command), for the studio and for
 * batches: exactly what {@code neural-style ARGS} does, with its output to a writer, progress lines instead of a
 * bar, and a listener besides.
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
        return execute(arguments, StyleTransferListener.NONE, new PrintWriter(Writer.nullWriter()), null, true);
    }

    /** A run; its network's weights come from {@code weights}, read there once for every run that shares it. */
    static Result run(List<String> arguments, StyleTransferListener observer, PrintWriter out, WeightsCache weights) {
        return execute(arguments, observer, out, weights, false);
    }

    private static Result execute(List<String> arguments, StyleTransferListener observer, PrintWriter out,
                                  WeightsCache weights, boolean checkOnly) {
        StringWriter errors = new StringWriter();
        StylizeCommand command = new StylizeCommand(out, new PrintWriter(errors, true));
        command.observer = observer;
        command.terminal = false;
        command.checkOnly = checkOnly;
        command.weightsCache = weights;
        int status = Main.commandLine(command.out, command.err, command).execute(arguments.toArray(String[]::new));
        out.print(errors);
        out.flush();
        return new Result(status, status == 0 ? null : lastError(errors.toString()), command.plannedBytes);
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
