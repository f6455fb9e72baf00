package org.neuralstyle.cli;

import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.RecordedSettings;
import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.run.JobRun;
import org.neuralstyle.job.options.JobOptions;
import org.neuralstyle.job.options.RequestBuilder;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.WeightsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code neural-style}: stylize one image. Option names and defaults follow the reference implementation. */
@Command(name = "neural-style", mixinStandardHelpOptions = true, version = RecordedSettings.PROGRAM_VERSION,
        subcommands = {VideoCommand.class, ModelsCommand.class, InfoCommand.class, BenchCommand.class, ServeCommand.class,
                BatchCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {"neural-style --content FILE --styles FILE... --output FILE [OPTION...]",
                "       neural-style COMMAND [OPTION...]"},
        description = "Paints a content image in the style of one or more style images "
                + "(Gatys et al., as in \"Neural Style in TensorFlow\").")
final class StylizeCommand implements Callable<Integer> {

    static final int EXIT_INTERRUPTED = JobRun.INTERRUPTED;

    final PrintWriter out;
    final PrintWriter err;

    @Spec
    CommandSpec spec;

    // The job's options are added from the one table of them (JobOptionSpecs); this one is the command line's own.

    @Option(names = "--settings-from", paramLabel = "PICTURE", description = "Paint again with the settings a "
            + "picture made by neural-style carries (see `neural-style info`); options given beside it win.")
    Path settingsFrom; // laid under the given options before parsing (SettingsFrom); here for --help and parsing

    StylizeCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        RequestBuilder request = request();
        return ConsoleRun.image(job(request, null), out, err, System.console() != null, request.printIterations(),
                JobListener.NONE);
    }

    /** The request of the options given. */
    private RequestBuilder request() {
        ParseResult parsed = spec.commandLine().getParseResult();
        requireOptions(parsed);
        return JobOptionSpecs.read(parsed, JobKind.IMAGE);
    }

    /** The job of this request, recording how it was made; weights shared where a cache is given. */
    private ImageJob job(RequestBuilder request, WeightsCache weights) {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> recorded = OptionGroups.of(spec, parsed.originalArgs()).without(notRecorded());
        return new ImageJob(request.image(spec.version()[0], recorded), weights);
    }

    /** Where results go and how the run reports: not part of what a picture records of how it was made. */
    private static Set<String> notRecorded() {
        Set<String> names = new HashSet<>(Set.of("--settings-from"));
        JobOptions.of(JobKind.IMAGE).stream().filter(o -> !o.recorded()).forEach(o -> names.addAll(o.names()));
        return names;
    }

    private void requireOptions(ParseResult parsed) {
        List<String> missing = new ArrayList<>();
        if (!parsed.hasMatchedOption("--content")) {
            missing.add("--content=FILE");
        }
        if (!parsed.hasMatchedOption("--styles")) {
            missing.add("--styles=FILE...");
        }
        if (!parsed.hasMatchedOption("--output")) {
            missing.add("--output=FILE");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option(s): " + String.join(", ", missing));
        }
    }
}
