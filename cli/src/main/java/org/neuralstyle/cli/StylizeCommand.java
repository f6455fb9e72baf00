package org.neuralstyle.cli;

import org.neuralstyle.job.ImageJob;
import org.neuralstyle.job.ImageRequest;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.StyleChoices;
import org.neuralstyle.job.WeightsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code neural-style}: stylize one image. Option names and defaults follow the reference implementation. */
@Command(name = "neural-style", mixinStandardHelpOptions = true, version = "neural-style 0.1.0",
        subcommands = {VideoCommand.class, ModelsCommand.class, InfoCommand.class, BenchCommand.class, ServeCommand.class,
                BatchCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {"neural-style --content FILE --styles FILE... --output FILE [OPTION...]",
                "       neural-style COMMAND [OPTION...]"},
        description = "Paints a content image in the style of one or more style images "
                + "(Gatys et al., as in \"Neural Style in TensorFlow\").")
final class StylizeCommand implements Callable<Integer> {

    static final int EXIT_INTERRUPTED = 130;

    /** Where results go and how the run reports: not part of what a picture records of how it was made. */
    static final Set<String> NOT_RECORDED = Set.of("--output", "--overwrite", "--checkpoint-output",
            "--checkpoint-iterations", "--progress-plot", "--print-iterations", "--verbose", "--settings-from",
            "--keep-best");

    final PrintWriter out;
    final PrintWriter err;

    @Spec
    CommandSpec spec;

    // Checked in call(), not by picocli: `neural-style models list` needs none of them.
    @Option(names = "--content", paramLabel = "FILE", description = "Content image (required).")
    Path content;

    @Option(names = "--output", paramLabel = "FILE", description = "Output image: .png, .jpg, .tif, .bmp (required).")
    Path output;

    @Mixin
    StyleOptions style;

    @Option(names = "--scales", split = ",", arity = "1..*", paramLabel = "PX",
            description = "Coarse-to-fine: optimise at each width in turn (e.g. 256,512), each scale starting from the "
                    + "previous result upsampled; the last is the output width. Default above 512 px: halving widths "
                    + "down to 256, the first with --iterations, the others with half.")
    List<Integer> scales;

    @Option(names = "--scale-iterations", split = ",", arity = "1..*", paramLabel = "N",
            description = "Iterations at each of --scales (default: --iterations at each).")
    List<Integer> scaleIterations;

    @Option(names = "--checkpoint-output", paramLabel = "PATTERN", description = "Write the best image so far to this "
            + "pattern every --checkpoint-iterations, %%s = iteration (e.g. out_%%s.png).")
    String checkpointOutput;

    @Option(names = "--checkpoint-iterations", paramLabel = "N", description = "Checkpoint interval.")
    Integer checkpointIterations;

    @Option(names = "--print-iterations", paramLabel = "N",
            description = "Print the loss terms every N iterations (default: every tenth of the run when not on a terminal).")
    Integer printIterations;

    @Option(names = "--progress-plot", paramLabel = "FILE", description = "Write a PNG of the loss curves.")
    Path progressPlot;

    @Option(names = "--tile-size", paramLabel = "PX",
            description = "Optimise images larger than PX on a side tile by tile, PX-pixel tiles with the context "
                    + "that keeps them exact (96 px for VGG-19's layers; VGG networks only); 0: always whole (default: tiled only when whole would not fit in "
                    + "memory, with the largest tile that fits).")
    Integer tileSize;

    @Option(names = "--bit-depth", paramLabel = "8|16",
            description = "Bits per channel of the output: 16 keeps the optimised image's fine gradations for "
                    + "printing and editing (.png and .tif only; default: ${DEFAULT-VALUE}).", defaultValue = "8")
    int bitDepth;

    @Option(names = "--jpeg-quality", paramLabel = "Q",
            description = "Quality of a .jpg output, 1-100 (default: ${DEFAULT-VALUE}).", defaultValue = "95")
    int jpegQuality;

    @Option(names = "--settings-from", paramLabel = "PICTURE", description = "Paint again with the settings a "
            + "picture made by neural-style carries (see `neural-style info`); options given beside it win.")
    Path settingsFrom; // laid under the given options before parsing (SettingsFrom); here for --help and parsing

    @Option(names = "--keep-best", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "While the run goes on, keep its best image so far as OUTPUT.partial.png (out.png: "
                    + "out.partial.png), every tenth of the run and at least every 30 s, so that a crash or a kill loses "
                    + "little; removed when the picture is written (default: on).")
    boolean keepBest;

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Option(names = {"-v", "--verbose"}, description = "Report what was loaded; stack traces on errors.")
    boolean verbose;

    StylizeCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        return ConsoleRun.image(job(null), out, err, System.console() != null, printIterations, JobListener.NONE);
    }

    /** The job these options ask for; weights shared with the other jobs of the process where a cache is given. */
    ImageJob job(WeightsCache weights) {
        requireOptions();
        if (printIterations != null) {
            StyleChoices.requireAtLeast(printIterations, 1, "--print-iterations");
        }
        List<String> recorded = OptionGroups.of(spec, spec.commandLine().getParseResult().originalArgs())
                .without(NOT_RECORDED);
        return new ImageJob(new ImageRequest(content, output, style.choices(), scales, scaleIterations, checkpointOutput,
                checkpointIterations, progressPlot, tileSize, bitDepth, jpegQuality, overwrite, keepBest, verbose,
                spec.version()[0], recorded), weights);
    }

    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (content == null) {
            missing.add("--content=FILE");
        }
        if (style.styles == null) {
            missing.add("--styles=FILE...");
        }
        if (output == null) {
            missing.add("--output=FILE");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option(s): " + String.join(", ", missing));
        }
    }
}
