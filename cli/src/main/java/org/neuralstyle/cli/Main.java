package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code neural-style} program. */
public final class Main {

    static final int EXIT_RUNTIME_ERROR = 1;
    static final int EXIT_USAGE = 2;

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
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setResourceBundle(new DefaultsHelp()); // the defaults the help text shows
        GroupedHelp.install(cli);
        GroupedHelp.install(cli.getSubcommands().get("video"));
        // Usage mistakes: one line and a pointer to --help, not the whole usage text.
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("neural-style: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("neural-style: " + describe(ex));
            boolean verbose = commandLine.getCommand() instanceof StylizeCommand command && command.verbose
                    || commandLine.getCommand() instanceof VideoCommand video && video.verbose;
            if (verbose) {
                ex.printStackTrace(err);
            }
            return ex instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_RUNTIME_ERROR;
        });
        return cli;
    }

    static String describe(Exception ex) {
        if (ex instanceof NoSuchFileException missing) {
            String reason = missing.getReason();
            return missing.getFile() + ": " + (reason == null ? "file not found" : reason);
        }
        if (ex instanceof UserError || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof ArithmeticException
                || ex instanceof CommandLine.ParameterException) {
            return ex.getMessage();
        }
        return "internal error: " + ex + " (run with --verbose for details)";
    }
}
