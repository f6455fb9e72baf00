package org.neuralstyle.cli;

import org.neuralstyle.job.WeightsCache;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.studio.JobRunner;
import org.neuralstyle.studio.OptionCatalogue;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.VideoInfo;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs studio jobs with the command line program itself, in this JVM: the same parsing, checks, defaults and
 * outputs as {@code neural-style ARGS}, so a job's copied command reproduces it.
 */
final class CliJobRunner implements JobRunner {

    /**
     * Options the studio decides (inputs, masks, output, network and seed are fields of a job) or that name files on
     * the server (a browser user must not make it read or write paths of their choosing).
     */
    static final Set<String> NOT_FOR_JOBS = Set.of("--content", "--styles", "--output", "--overwrite", "--network",
            "--weights", "--seed", "--initial", "--checkpoint-output", "--checkpoint-iterations", "--progress-plot",
            "--print-iterations", "--verbose", "--help", "--version", "--style-blend-weights", "--frames-folder",
            "--keep-frames", "--style-masks", "--style-image-masks");

    /**
     * The presets the page offers: a fast look, the defaults at a screen size, neural neighbours (the pictures
     * closer to the painting's palette and strokes in five of six pairs, docs/neighbours.md, at about twice the time
     * and 2 to 3 times the memory, so not the default yet) and a print-size 16-bit output.
     */
    static final Map<String, Map<String, String>> PRESETS = Map.of(
            "preview", Map.of("--width", "256", "--iterations", "150"),
            "quality", Map.of("--width", "768"),
            "painterly", Map.of("--style-loss", "neighbours"),
            "print", Map.of("--width", "2400", "--bit-depth", "16"));

    private final OptionCatalogue catalogue;
    /** The server's jobs share the networks' weights. */
    private final WeightsCache weights = new WeightsCache();

    /** @param networks network name -> weights file (null: the command line's own lookup) */
    CliJobRunner(Map<String, String> networks, String defaultNetwork) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CommandLine cli = Main.commandLine(sink, sink);
        this.catalogue = new OptionCatalogue(options(cli), options(cli.getSubcommands().get("video")), PRESETS, networks,
                defaultNetwork);
    }

    /** A command's options, with the help text --help shows, less those a job may not set. */
    private static List<OptionCatalogue.OptionInfo> options(CommandLine cli) {
        List<OptionCatalogue.OptionInfo> options = new ArrayList<>();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            String name = option.longestName();
            if (NOT_FOR_JOBS.contains(name) || option.hidden()) {
                continue;
            }
            String help = String.join(" ", option.description());
            if (option.defaultValue() != null) {
                help = help.replace("${DEFAULT-VALUE}", option.defaultValue());
            }
            boolean flag = option.arity().max() == 0;
            String label = flag ? "" : option.paramLabel();
            // "adam|lbfgs": a list to choose from; "N", "W", "PX", ...: one number (not a comma list).
            List<String> choices = label.matches("[a-z0-9-]+(\\|[a-z0-9-]+)+") ? List.of(label.split("\\|")) : List.of();
            boolean number = option.splitRegex().isEmpty() && label.matches("N|W|R|F|PX|E|B|S|FPS|J");
            options.add(new OptionCatalogue.OptionInfo(name, label, help, flag, GroupedHelp.groupOf(name), choices, number));
        }
        return options;
    }

    @Override
    public OptionCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public void check(List<String> arguments) {
        InProcessRun.Result result = InProcessRun.check(arguments);
        if (!result.succeeded()) {
            throw new IllegalArgumentException(result.message());
        }
    }

    @Override
    public JobOutcome run(List<String> arguments, JobListener listener, Path log) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            InProcessRun.Result result = InProcessRun.run(arguments, listener, out, weights);
            return new JobOutcome(result.status(), result.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public VideoSize probeVideo(Path file) {
        try (FrameSource source = FrameSource.open(file, 25)) {
            VideoInfo info = source.info();
            return new VideoSize(info.width(), info.height(), info.frames());
        } catch (IOException | RuntimeException notAVideo) {
            return null;
        }
    }

    /** Network name -> weights file as the serve command was given them, the default network first. */
    static Map<String, String> networks(Map<String, Path> models) {
        Map<String, String> networks = new LinkedHashMap<>();
        models.forEach((name, file) -> networks.put(name, file == null ? null : file.toAbsolutePath().toString()));
        return networks;
    }
}
