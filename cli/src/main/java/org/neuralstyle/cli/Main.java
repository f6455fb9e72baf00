package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.run.JobRun;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code neural-style} program. */
public final class Main {

    static final int EXIT_RUNTIME_ERROR = JobRun.RUNTIME_ERROR;
    static final int EXIT_USAGE = JobRun.USAGE;

    private Main() {
    }

    public static void main(String[] args) {
        ProgramStderr.install();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the program in this JVM; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        List<String> arguments;
        try {
            arguments = SettingsFrom.apply(cli.getCommandSpec(), List.of(args), err);
            if (!arguments.isEmpty() && arguments.get(0).equals("batch")) {
                List<String> batch = BatchArguments.normalise(cli.getSubcommands().get("batch").getCommandSpec(),
                        cli.getCommandSpec(), cli.getSubcommands().get("video").getCommandSpec(),
                        arguments.subList(1, arguments.size()));
                arguments = new ArrayList<>(List.of("batch"));
                arguments.addAll(batch);
            }
        } catch (IOException | UserError e) {
            err.println("neural-style: " + describe(e));
            return EXIT_RUNTIME_ERROR;
        }
        return cli.execute(arguments.toArray(String[]::new));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new StylizeCommand(out, err));
    }

    /** The program around a given stylize command (the studio sets its listener and mode). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, StylizeCommand stylize) {
        CommandLine cli = new CommandLine(stylize);
        JobOptionSpecs.addTo(cli.getCommandSpec(), JobKind.IMAGE);
        JobOptionSpecs.addTo(cli.getSubcommands().get("video").getCommandSpec(), JobKind.VIDEO);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        GroupedHelp.install(cli);
        GroupedHelp.install(cli.getSubcommands().get("video"));
        // Usage mistakes: one line and a pointer to --help, not the whole usage text.
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("neural-style: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("neural-style: " + describe(ex));
            if (parseResult.hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            }
            return ex instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_RUNTIME_ERROR;
        });
        return cli;
    }

    static String describe(Exception ex) {
        return ex instanceof CommandLine.ParameterException ? ex.getMessage() : JobRun.describe(ex);
    }
}
