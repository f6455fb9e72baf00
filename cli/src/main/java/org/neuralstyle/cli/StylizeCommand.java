package org.neuralstyle.cli;

import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.benchmark.MatrixProductPeak;
import org.neuralstyle.benchmark.TimeEstimate;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Precision;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferListener;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageEncoding;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.io.AtomicFiles;
import org.neuralstyle.models.Checksum;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Option(names = {"-v", "--verbose"}, description = "Report what was loaded; stack traces on errors.")
    boolean verbose;

    /** Hears the run besides the progress display (the studio's preview); may ask it to stop. */
    StyleTransferListener observer = StyleTransferListener.NONE;
    /** Whether progress is drawn as a bar: on a terminal, unless run for the studio. */
    boolean terminal = System.console() != null;
    /**
     * Check everything a run checks before its work starts, then stop without loading the network (the video
     * command reads it too).
     */
    boolean checkOnly;
    /** Weights shared with the other runs of this process (batch, studio); null: read for this run. */
    WeightsCache weightsCache;
    /** The peak memory the run's plan expects, once checked (the batch asks a cluster for it). */
    long plannedBytes;

    StylizeCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        requireOptions();
        if (checkOnly) {
            check();
            return 0;
        }
        Run run = prepare();
        out.println(run.estimate(style.engine.settings()));
        if (verbose) {
            out.println(run.describe());
            out.println("weights file " + run.weightsFile() + ", SHA-256 " + Checksum.of(run.weightsFile(), "SHA-256"));
        }
        // On a terminal the bar shows progress; lines only when asked for with --print-iterations.
        int total = run.totalIterations();
        int printEvery = printIterations != null ? printIterations : terminal ? 0 : Math.max(1, total / 10);
        try (StopSignal stop = new StopSignal()) {
            StyleTransferResult result;
            // The bar is closed before anything else is printed.
            try (ProgressReporter progress = new ProgressReporter(out, terminal, printEvery, total,
                    run.checkpoints(), stop)) {
                // One scale is the plain method; several are coarse-to-fine.
                result = new CoarseToFine(new StyleTransfer(run.weights(), style.engine.settings()))
                        .stylize(run.content(), run.styles(), run.options(), run.scales(),
                                StyleTransferListener.both(progress, observer));
            }
            writeOutputs(result, settings(run));
            stop.finished();
            return report(result);
        }
    }

    private int report(StyleTransferResult result) {
        String summary = String.format(Locale.ROOT, "wrote %s: best loss %.4e at iteration %d of %d, %.1fs",
                output, result.loss().total(), result.bestIteration(), result.iterationsRun(),
                result.elapsed().toMillis() / 1000.0);
        switch (result.ending()) {
            case STOPPED -> {
                err.println("neural-style: interrupted; " + summary);
                return EXIT_INTERRUPTED;
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

    /** What the picture records of how it was made: the version, the command that reproduces it, its inputs. */
    private String settings(Run run) throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(content);
        inputs.addAll(style.styles);
        style.initialFile().ifPresent(inputs::add);
        return RecordedSettings.of(spec, spec.commandLine().getParseResult().originalArgs(), run.options().seed(),
                style.networkName(), inputs).text();
    }

    /** The image first, carrying its settings (rescued if it cannot be written where asked), then the plot. */
    private void writeOutputs(StyleTransferResult result, String settings) throws IOException {
        RgbImage image = result.image();
        float[] alpha = contentAlpha == null ? null : Resampling.resizePlane(contentAlpha.alpha(),
                contentAlpha.image().width(), contentAlpha.image().height(), image.width(), image.height());
        ResultRescue.inCache().write(image, alpha, encoding().withSettings(settings), output, "--output");
        if (progressPlot != null) {
            try {
                ImageFiles.write(LossPlot.draw(result.history()), progressPlot);
            } catch (IOException e) {
                throw new UserError("--progress-plot " + progressPlot + ": cannot write (" + AtomicFiles.reason(e)
                        + "); the image was written to " + output);
            }
        }
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

    /** The tile size the run uses: the user's, else 0 where the output fits whole, else the largest that fits. */
    private int tileSize(MemoryBudget budget, int width, int height) {
        if (tileSize != null) {
            StyleOptions.requireAtLeast(tileSize, 0, "--tile-size");
            if (tileSize > 0 && !budget.canTile()) {
                throw new UserError("--tile-size: " + style.architecture().name() + " cannot be tiled (its unpadded "
                        + "strided layers do not line up tile by tile); VGG networks can");
            }
            return tileSize;
        }
        if (budget.imageFits(width, height)) {
            return 0;
        }
        int core = budget.tileThatFits(width, height);
        err.println("neural-style: note: the output (" + width + "x" + height + ") does not fit in memory whole; "
                + "it is optimised in " + core + "-pixel tiles");
        return core;
    }

    /**
     * L-BFGS's history: the user's if it fits in the heap (else a one-line refusal), the default shortened to what
     * fits, with a note.
     */
    private int lbfgsHistory(MemoryBudget budget, int history, int width, int height) {
        if (style.lbfgsHistory != null) {
            budget.requireLbfgsHistoryFits(history, width, height);
            return history;
        }
        long fits = budget.lbfgsHistoryThatFits(width, height);
        if (fits >= history) {
            return history;
        }
        if (fits < 1) {
            throw new UserError("--optimizer lbfgs: at " + width + "x" + height + " not one L-BFGS step fits in the "
                    + "Java heap; use --optimizer adam at this size");
        }
        err.println("neural-style: note: L-BFGS keeps " + fits + " steps (not " + history + ") at " + width + "x"
                + height + ", as many as the Java heap holds");
        return (int) fits;
    }

    /** The content's transparency, carried to the output unchanged (resized to it); null for an opaque content. */
    private DecodedImage contentAlpha;

    /** How the output is written, or a one-line error naming the option that cannot apply to it. */
    private ImageEncoding encoding() throws IOException {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new UserError("--bit-depth: must be 8 or 16, got " + bitDepth);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new UserError("--jpeg-quality: must be 1 to 100, got " + jpegQuality);
        }
        if (bitDepth == 16 && !ImageFiles.holds16Bits(output)) {
            throw new UserError("--bit-depth 16: --output " + output + " holds 8 bits per channel; use .png or .tif");
        }
        return new ImageEncoding(bitDepth, jpegQuality / 100f);
    }

    /** Everything checked and loaded before the (long) optimisation starts. */
    private Run prepare() throws IOException {
        Checked checked = check();
        NetworkArchitecture architecture = checked.architecture();
        Path weightsFile = style.weightsFile(architecture, err);
        NetworkWeights loaded = style.loadWeights(architecture, weightsFile, weightsCache);
        return new Run(checked.content(), checked.scales(), checked.styles(), checked.options(), loaded, weightsFile,
                checked.checkpoints());
    }

    /** What a run checks before its work starts: options, inputs, outputs, memory and disk; no network loaded. */
    private Checked check() throws IOException {
        style.chooseNetwork(err, !checkOnly);
        NetworkArchitecture architecture = style.architecture();
        StyleTransferOptions options = style.options(architecture);
        if (printIterations != null) {
            StyleOptions.requireAtLeast(printIterations, 1, "--print-iterations");
        }
        OutputFiles.requireWritableImage(output, overwrite, "--output");
        if (progressPlot != null) {
            if (!progressPlot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new UserError("--progress-plot " + progressPlot + ": must be a .png file");
            }
            OutputFiles.requireWritableImage(progressPlot, overwrite, "--progress-plot");
        }
        encoding();
        InputImages images = new InputImages(err);
        DecodedImage decodedContent = images.decode(content, "--content");
        RgbImage contentImage = decodedContent.image();
        if (decodedContent.hasAlpha()) {
            if (!ImageFiles.holdsAlpha(output)) {
                err.println("neural-style: note: --content " + content + " has transparent parts; --output " + output
                        + " cannot keep them (.png and .tif can)");
            } else {
                contentAlpha = decodedContent;
            }
        }
        List<CoarseToFine.Scale> plan = scalePlan(outputWidth(contentImage), options.iterations());
        Checkpoints checkpoints = Checkpoints.of(checkpointOutput,
                checkpointIterations == null ? 0 : checkpointIterations, CoarseToFine.totalIterations(plan), overwrite, err);
        if (checkpointIterations != null && checkpointOutput == null) {
            throw new UserError("--checkpoint-iterations needs --checkpoint-output");
        }
        // Each scale is resized from the original photo; the output has the last scale's width.
        int smallestWidth = plan.get(0).width();
        if (smallestWidth < 2 || Resampling.heightAtWidth(contentImage, smallestWidth) < 2) {
            throw new UserError("--content " + content + ": the image must be at least 2x2 pixels at the chosen width");
        }
        int outputWidth = plan.get(plan.size() - 1).width();
        int outputHeight = Resampling.heightAtWidth(contentImage, outputWidth);
        MemoryBudget budget = style.memoryBudget(architecture, options);
        String sizeOption = style.width != null ? "--width " + style.width : scales != null ? "--scales" : "--content " + content;
        budget.requireImageFits("the output", sizeOption, outputWidth, outputHeight, tileSize == null || tileSize > 0);
        options = options.toBuilder().tileSize(tileSize(budget, outputWidth, outputHeight)).build();
        if (options.optimizer() == StyleTransferOptions.OptimizerKind.LBFGS) {
            options = options.toBuilder().lbfgsHistorySize(lbfgsHistory(budget, options.lbfgsHistorySize(),
                    outputWidth, outputHeight)).build();
        }
        List<StyleImage> styleImages = style.styleImages(images);
        style.requireStylesFit(styleImages, outputWidth, budget, options.tileSize() > 0);
        style.engine.notice().ifPresent(notice -> err.println("neural-style: note: " + notice));
        Initialization start = style.initialization(images);
        if (start != null) {
            options = options.toBuilder().initialization(start).build();
        }
        requireSpace(checkpoints, plan, outputWidth, outputHeight);
        plannedBytes = options.tileSize() > 0 ? budget.tiledBytes(outputWidth, outputHeight, options.tileSize())
                : budget.imageBytes(outputWidth, outputHeight);
        return new Checked(architecture, contentImage, plan, styleImages, options, checkpoints);
    }

    /** --width, else the photo's width up to a long side of 512 px, said in one line when that is smaller. */
    private int outputWidth(RgbImage contentImage) {
        if (style.width != null) {
            return style.width;
        }
        int width = WorkingSize.defaultWidth(contentImage);
        if (width < contentImage.width() && scales == null) {
            err.printf(Locale.ROOT, "neural-style: note: painting at %d x %d (the photo is %d x %d); --width %d paints "
                            + "it at full size, which takes longer%n", width, Resampling.heightAtWidth(contentImage, width),
                    contentImage.width(), contentImage.height(), contentImage.width());
        }
        return width;
    }

    private record Checked(NetworkArchitecture architecture, RgbImage content, List<CoarseToFine.Scale> scales, List<StyleImage> styles,
                           StyleTransferOptions options, Checkpoints checkpoints) {
    }

    /** Room for the output, every checkpoint and the plot, on each file system they go to. */
    private void requireSpace(Checkpoints checkpoints, List<CoarseToFine.Scale> plan, int width, int height) {
        List<OutputFiles.Planned> planned = new ArrayList<>();
        planned.add(new OutputFiles.Planned(output, "--output", OutputFiles.imageBytes(width, height)));
        for (Path file : checkpoints.files(CoarseToFine.totalIterations(plan))) {
            planned.add(new OutputFiles.Planned(file, "--checkpoint-output", OutputFiles.imageBytes(width, height)));
        }
        if (progressPlot != null) {
            planned.add(new OutputFiles.Planned(progressPlot, "--progress-plot", OutputFiles.imageBytes(1200, 800)));
        }
        OutputFiles.requireSpace(planned);
    }

    /** The widths to optimise at and the iterations at each: one scale unless --scales asks for more. */
    private List<CoarseToFine.Scale> scalePlan(int outputWidth, int iterations) {
        if (scales == null) {
            if (scaleIterations != null) {
                throw new UserError("--scale-iterations needs --scales");
            }
            return CoarseToFine.automaticPlan(outputWidth, iterations);
        }
        if (scaleIterations != null && scaleIterations.size() != scales.size()) {
            throw new UserError("--scale-iterations has " + scaleIterations.size() + " values for "
                    + scales.size() + " --scales");
        }
        List<CoarseToFine.Scale> plan = new ArrayList<>();
        for (int k = 0; k < scales.size(); k++) {
            int px = scales.get(k);
            int n = scaleIterations == null ? iterations : scaleIterations.get(k);
            StyleOptions.requireAtLeast(px, 2, "--scales");
            StyleOptions.requireAtLeast(n, 1, "--scale-iterations");
            if (k > 0 && px <= scales.get(k - 1)) {
                throw new UserError("--scales must increase, got " + scales.get(k - 1) + " then " + px);
            }
            plan.add(new CoarseToFine.Scale(px, n));
        }
        int last = scales.get(scales.size() - 1);
        if (style.width != null && style.width != last) {
            throw new UserError("--scales ends at " + last + " but --width is " + style.width
                    + "; the last scale is the output width");
        }
        return plan;
    }

    /** A validated run: inputs loaded, outputs checked. */
    private record Run(RgbImage content, List<CoarseToFine.Scale> scales, List<StyleImage> styles,
                       StyleTransferOptions options, NetworkWeights weights, Path weightsFile, Checkpoints checkpoints) {

        int totalIterations() {
            return CoarseToFine.totalIterations(scales);
        }

        /** "512 x 341, vgg19, 1000 iterations: about 4 min here", from the cost model and this machine's peak. */
        String estimate(EngineSettings engine) {
            NetworkArchitecture arch = weights.architecture();
            List<TimeEstimate.Stage> stages = scales.stream().map(s -> new TimeEstimate.Stage(s.width(),
                    Resampling.heightAtWidth(content, s.width()), s.iterations())).toList();
            double peak = MatrixProductPeak.measure(engine.withPrecision(Precision.FP32), TimeEstimate.PEAK_SIZE, 1, 3)
                    .gflops();
            Duration time = TimeEstimate.of(arch, LossSpec.of(options, arch, new double[] {1}).layers(), stages,
                    options.tileSize() > 0, peak, engine.precision(), CpuFeatures.ofThisMachine());
            TimeEstimate.Stage last = stages.get(stages.size() - 1);
            return String.format(Locale.ROOT, "%d x %d, %s, %d iterations: about %s here", last.width(), last.height(),
                    arch.name(), totalIterations(), TimeEstimate.words(time));
        }

        String describe() {
            NetworkArchitecture arch = weights.architecture();
            return String.format(Locale.ROOT, "network %s (%d convolutions), weights %s%n"
                            + "content layers %s, style layers %s%n"
                            + "content %dx%d, scales (width:iterations) %s, %d style(s), seed %d, weights content %s style %s tv %s",
                    arch.name(), arch.convolutions().size(), weights.source(),
                    arch.defaultContentLayers(), arch.defaultStyleLayers(),
                    content.width(), content.height(), scales.stream().map(s -> s.width() + ":" + s.iterations())
                            .collect(Collectors.joining(",")), styles.size(), options.seed(),
                    options.contentWeight(), options.styleWeight(), options.tvWeight());
        }
    }
}
