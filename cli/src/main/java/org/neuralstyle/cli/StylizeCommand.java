package org.neuralstyle.cli;

import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.models.Checksum;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Networks;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.optim.AdamSettings;
import org.neuralstyle.optim.LearningRateSchedule;
import org.neuralstyle.weights.WeightFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** {@code neural-style}: stylize one image. Option names and defaults follow the reference implementation. */
@Command(name = "neural-style", mixinStandardHelpOptions = true, version = "neural-style 0.1.0",
        subcommands = {ModelsCommand.class, BenchCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Paints a content image in the style of one or more style images "
                + "(Gatys et al., as in \"Neural Style in TensorFlow\").")
final class StylizeCommand implements Callable<Integer> {

    static final String DEFAULT_WEIGHTS = "imagenet-vgg-verydeep-19.mat";
    static final int EXIT_INTERRUPTED = 130;

    final PrintWriter out;
    final PrintWriter err;

    @Spec
    CommandSpec spec;

    // Checked in call(), not by picocli: `neural-style models list` needs none of them.
    @Option(names = "--content", paramLabel = "FILE", description = "Content image (required).")
    Path content;

    @Option(names = "--styles", arity = "1..*", paramLabel = "FILE", description = "One or more style images (required).")
    List<Path> styles;

    @Option(names = "--output", paramLabel = "FILE", description = "Output image: .png, .jpg, .bmp (required).")
    Path output;

    @Option(names = "--iterations", paramLabel = "N", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
    int iterations = 1000;

    @Option(names = "--width", paramLabel = "PX", description = "Resize the content image (and output) to this width.")
    Integer width;

    @Option(names = "--scales", split = ",", arity = "1..*", paramLabel = "PX",
            description = "Coarse-to-fine: optimise at each width in turn (e.g. 256,512), each scale starting from the "
                    + "previous result upsampled; the last is the output width. Much faster for large images.")
    List<Integer> scales;

    @Option(names = "--scale-iterations", split = ",", arity = "1..*", paramLabel = "N",
            description = "Iterations at each of --scales (default: --iterations at each).")
    List<Integer> scaleIterations;

    @Option(names = "--style-scales", split = ",", arity = "1..*", paramLabel = "S",
            description = "Per style: resize it to S x the content width (default 1.0 each).")
    List<Double> styleScales;

    @Option(names = "--style-blend-weights", split = ",", arity = "1..*", paramLabel = "W",
            description = "Per style: relative weight in the blend, normalised to sum 1 (default equal).")
    List<Double> styleBlendWeights;

    @Option(names = "--content-weight", paramLabel = "W", description = "Content loss weight (default: 5; squeezenet 20).")
    Double contentWeight;

    @Option(names = "--content-weight-blend", paramLabel = "B",
            description = "Share of relu4_2 in the content loss, the rest on relu5_2 (default: ${DEFAULT-VALUE}).")
    double contentWeightBlend = 1;

    @Option(names = "--style-weight", paramLabel = "W", description = "Style loss weight (default: 500; squeezenet 1e5).")
    Double styleWeight;

    @Option(names = "--style-layer-weight-exp", paramLabel = "E",
            description = "Style layer k weighs E^k (normalised); >1 favours coarse features (default: ${DEFAULT-VALUE}).")
    double styleLayerWeightExp = 1;

    @Option(names = "--tv-weight", paramLabel = "W", description = "Total-variation weight (default: 100; squeezenet 10).")
    Double tvWeight;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam learning rate (default: 10; squeezenet 2).")
    Double learningRate;

    @Option(names = "--learning-rate-decay", paramLabel = "F",
            description = "Multiply the learning rate by F every --learning-rate-decay-steps (default ${DEFAULT-VALUE}: "
                    + "constant; the paper used 0.94 per 100 from 20).")
    double learningRateDecay = 1;

    @Option(names = "--learning-rate-decay-steps", paramLabel = "N", description = "Decay interval (default: ${DEFAULT-VALUE}).")
    int learningRateDecaySteps = 100;

    @Option(names = "--optimizer", paramLabel = "adam|lbfgs",
            description = "adam (the paper's, default) or lbfgs (Gatys et al.'s: fewer iterations for the same loss; "
                    + "each line-search evaluation counts as an iteration).")
    String optimizer = "adam";

    @Option(names = "--lbfgs-history", paramLabel = "N", description = "L-BFGS memory in steps (default: ${DEFAULT-VALUE}; "
            + "each costs 8 bytes per pixel value, 6 MB at 512x512).")
    int lbfgsHistory = 20;

    @Option(names = "--beta1", description = "Adam beta1 (default: ${DEFAULT-VALUE}).")
    double beta1 = 0.9;

    @Option(names = "--beta2", description = "Adam beta2 (default: ${DEFAULT-VALUE}).")
    double beta2 = 0.999;

    @Option(names = "--epsilon", description = "Adam epsilon (default: ${DEFAULT-VALUE}).")
    double epsilon = 1e-8;

    @Option(names = "--initial", paramLabel = "FILE|content|noise",
            description = "Start from this image (e.g. a checkpoint), the content image, or noise (default).")
    String initial;

    @Option(names = "--initial-noiseblend", paramLabel = "R",
            description = "Blend of noise into the initial image, 0..1 (default: 0 with --initial, else 1 = pure noise; "
                    + "below 1 without --initial starts from the content image).")
    Double initialNoiseblend;

    @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling layers (default: ${DEFAULT-VALUE}).")
    String pooling = "max";

    @Option(names = "--preserve-colors", description = "Keep the content image's colours (style luminance only).")
    boolean preserveColors;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same image (default: random, printed).")
    Long seed;

    @Option(names = "--network", paramLabel = "NAME",
            description = "vgg19 (default), vgg16 or squeezenet (fast previews). A weights file path is accepted too, "
                    + "as in the reference.")
    String network = "vgg19";

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Weights file: MatConvNet .mat, Keras .h5, ONNX or Caffe. Default: ./" + DEFAULT_WEIGHTS
                    + ", else VGG-19 from the cache, downloaded on first use.")
    Path weights;

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

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Mixin
    EngineOptions engine;

    @Option(names = {"-v", "--verbose"}, description = "Report what was loaded; stack traces on errors.")
    boolean verbose;

    StylizeCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        requireOptions();
        Run run = prepare();
        if (verbose) {
            out.println(run.describe());
            out.println("weights file " + run.weightsFile() + ", SHA-256 " + Checksum.of(run.weightsFile(), "SHA-256"));
        }
        boolean terminal = System.console() != null;
        // On a terminal the bar shows progress; lines only when asked for with --print-iterations.
        int total = run.totalIterations();
        int printEvery = printIterations != null ? printIterations : terminal ? 0 : Math.max(1, total / 10);
        try (StopSignal stop = new StopSignal()) {
            StyleTransferResult result;
            // The bar is closed before anything else is printed.
            try (ProgressReporter progress = new ProgressReporter(out, terminal, printEvery, total,
                    run.checkpoints(), stop)) {
                // One scale is the plain method; several are coarse-to-fine.
                result = new CoarseToFine(new StyleTransfer(run.weights(), engine.settings()))
                        .stylize(run.content(), run.styles(), run.options(), run.scales(), progress);
            }
            writeOutputs(result);
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

    private void writeOutputs(StyleTransferResult result) throws IOException {
        ImageFiles.write(result.image(), output);
        if (progressPlot != null) {
            ImageFiles.write(LossPlot.draw(result.history()), progressPlot);
        }
    }

    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (content == null) {
            missing.add("--content=FILE");
        }
        if (styles == null) {
            missing.add("--styles=FILE...");
        }
        if (output == null) {
            missing.add("--output=FILE");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option(s): " + String.join(", ", missing));
        }
    }

    /** Everything checked and loaded before the (long) optimisation starts. */
    private Run prepare() throws IOException {
        NetworkArchitecture architecture = architecture();
        StyleTransferOptions options = options(architecture.recommendedWeights());
        OutputFiles.requireWritableImage(output, overwrite, "--output");
        if (progressPlot != null) {
            if (!progressPlot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new UserError("--progress-plot " + progressPlot + ": must be a .png file");
            }
            OutputFiles.requireWritableImage(progressPlot, overwrite, "--progress-plot");
        }
        RgbImage contentImage = ImageFiles.read(content);
        List<CoarseToFine.Scale> plan = scalePlan(width != null ? width : contentImage.width());
        Checkpoints checkpoints = Checkpoints.of(checkpointOutput,
                checkpointIterations == null ? 0 : checkpointIterations, CoarseToFine.totalIterations(plan), overwrite);
        if (checkpointIterations != null && checkpointOutput == null) {
            throw new UserError("--checkpoint-iterations needs --checkpoint-output");
        }
        // Each scale is resized from the original photo; the output has the last scale's width.
        int smallestWidth = plan.get(0).width();
        if (smallestWidth < 2 || Resampling.heightAtWidth(contentImage, smallestWidth) < 2) {
            throw new UserError("--content " + content + ": the image must be at least 2x2 pixels at the chosen width");
        }
        List<StyleImage> styleImages = styleImages();
        options = options.toBuilder().initialization(initialization()).build();

        Path weightsFile = weightsFile(architecture);
        NetworkWeights loaded = WeightFiles.load(weightsFile, architecture);
        return new Run(contentImage, plan, styleImages, options, loaded, weightsFile, checkpoints);
    }

    /** The widths to optimise at and the iterations at each: one scale unless --scales asks for more. */
    private List<CoarseToFine.Scale> scalePlan(int outputWidth) {
        if (scales == null) {
            if (scaleIterations != null) {
                throw new UserError("--scale-iterations needs --scales");
            }
            return List.of(new CoarseToFine.Scale(outputWidth, iterations));
        }
        if (scaleIterations != null && scaleIterations.size() != scales.size()) {
            throw new UserError("--scale-iterations has " + scaleIterations.size() + " values for "
                    + scales.size() + " --scales");
        }
        List<CoarseToFine.Scale> plan = new ArrayList<>();
        for (int k = 0; k < scales.size(); k++) {
            int px = scales.get(k);
            int n = scaleIterations == null ? iterations : scaleIterations.get(k);
            requireAtLeast(px, 2, "--scales");
            requireAtLeast(n, 1, "--scale-iterations");
            if (k > 0 && px <= scales.get(k - 1)) {
                throw new UserError("--scales must increase, got " + scales.get(k - 1) + " then " + px);
            }
            plan.add(new CoarseToFine.Scale(px, n));
        }
        int last = scales.get(scales.size() - 1);
        if (width != null && width != last) {
            throw new UserError("--scales ends at " + last + " but --width is " + width
                    + "; the last scale is the output width");
        }
        return plan;
    }

    /** The options, with the network's recommended weights where the user gave none. */
    private StyleTransferOptions options(NetworkArchitecture.RecommendedWeights recommended) {
        double contentWeight = this.contentWeight != null ? this.contentWeight : recommended.content();
        double styleWeight = this.styleWeight != null ? this.styleWeight : recommended.style();
        double tvWeight = this.tvWeight != null ? this.tvWeight : recommended.tv();
        double learningRate = this.learningRate != null ? this.learningRate : recommended.learningRate();
        requireAtLeast(iterations, 1, "--iterations");
        if (width != null) {
            requireAtLeast(width, 2, "--width");
        }
        requireNonNegative(contentWeight, "--content-weight");
        requireNonNegative(styleWeight, "--style-weight");
        requireNonNegative(tvWeight, "--tv-weight");
        requireRange(contentWeightBlend, 0, 1, "--content-weight-blend");
        requirePositive(styleLayerWeightExp, "--style-layer-weight-exp");
        requirePositive(learningRate, "--learning-rate");
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new UserError("--learning-rate-decay must be in (0, 1], got " + learningRateDecay);
        }
        requireAtLeast(learningRateDecaySteps, 1, "--learning-rate-decay-steps");
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new UserError("--beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new UserError("--beta2 must be in [0, 1), got " + beta2);
        }
        requirePositive(epsilon, "--epsilon");
        if (initialNoiseblend != null) {
            requireRange(initialNoiseblend, 0, 1, "--initial-noiseblend");
        }
        if (printIterations != null) {
            requireAtLeast(printIterations, 1, "--print-iterations");
        }
        engine.settings();
        requireAtLeast(lbfgsHistory, 1, "--lbfgs-history");
        StyleTransferOptions.OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> StyleTransferOptions.OptimizerKind.ADAM;
            case "lbfgs", "l-bfgs" -> StyleTransferOptions.OptimizerKind.LBFGS;
            default -> throw new UserError("--optimizer: unknown optimizer '" + optimizer + "' (use adam or lbfgs)");
        };
        Pooling pool;
        try {
            pool = Pooling.parse(pooling);
        } catch (IllegalArgumentException e) {
            throw new UserError("--pooling: " + e.getMessage());
        }
        LearningRateSchedule schedule = learningRateDecay == 1 ? new LearningRateSchedule.Constant(learningRate)
                : new LearningRateSchedule.ExponentialDecay(learningRate, learningRateDecay, learningRateDecaySteps);
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        return StyleTransferOptions.builder()
                .contentWeight(contentWeight).contentWeightBlend(contentWeightBlend)
                .styleWeight(styleWeight).styleLayerWeightExp(styleLayerWeightExp).tvWeight(tvWeight)
                .iterations(iterations)
                .pooling(pool)
                .adam(new AdamSettings(schedule, beta1, beta2, epsilon))
                .optimizer(kind)
                .lbfgsHistorySize(lbfgsHistory)
                .seed(chosenSeed)
                .preserveColors(preserveColors)
                .build();
    }

    private List<StyleImage> styleImages() throws IOException {
        int n = styles.size();
        if (styleBlendWeights != null && styleBlendWeights.size() != n) {
            throw new UserError("--style-blend-weights has " + styleBlendWeights.size() + " values for " + n + " style image(s)");
        }
        if (styleScales != null && styleScales.size() != n) {
            throw new UserError("--style-scales has " + styleScales.size() + " values for " + n + " style image(s)");
        }
        double blendSum = 0;
        List<StyleImage> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double blend = styleBlendWeights == null ? 1 : styleBlendWeights.get(i);
            double scale = styleScales == null ? 1 : styleScales.get(i);
            requireNonNegative(blend, "--style-blend-weights");
            requirePositive(scale, "--style-scales");
            blendSum += blend;
            images.add(new StyleImage(ImageFiles.read(styles.get(i)), blend, scale));
        }
        if (!(blendSum > 0)) {
            throw new UserError("--style-blend-weights must not all be zero");
        }
        return images;
    }

    private Initialization initialization() throws IOException {
        if (initial == null || initial.equals("noise")) {
            double blend = initialNoiseblend == null ? 1 : initialNoiseblend;
            return initial == null && blend < 1 ? Initialization.content(blend) : Initialization.noise();
        }
        double blend = initialNoiseblend == null ? 0 : initialNoiseblend;
        if (initial.equals("content")) {
            return Initialization.content(blend);
        }
        return Initialization.image(ImageFiles.read(Path.of(initial)), blend);
    }

    private NetworkArchitecture architecture() {
        if (networkIsAFile()) {
            return Networks.byName("vgg19");
        }
        try {
            return Networks.byName(network);
        } catch (IllegalArgumentException e) {
            throw new UserError("--network: " + e.getMessage());
        }
    }

    /** The reference took the weights file's path in --network; a known network name always wins. */
    private boolean networkIsAFile() {
        try {
            Networks.byName(network);
            return false;
        } catch (IllegalArgumentException notAName) {
            return network.contains("/") || network.contains("\\") || network.contains(".") || Files.exists(Path.of(network));
        }
    }

    private Path weightsFile(NetworkArchitecture architecture) throws IOException {
        if (weights != null) {
            return weights;
        }
        if (networkIsAFile()) {
            return Path.of(network);
        }
        return new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(), err, System.console() != null)
                .locate(architecture.name());
    }

    private static void requireAtLeast(int value, int min, String option) {
        if (value < min) {
            throw new UserError(option + " must be at least " + min + ", got " + value);
        }
    }

    private static void requireNonNegative(double value, String option) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be a non-negative number, got " + value);
        }
    }

    private static void requirePositive(double value, String option) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be positive, got " + value);
        }
    }

    private static void requireRange(double value, double lo, double hi, String option) {
        if (!(value >= lo && value <= hi)) {
            throw new UserError(option + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }

    /** A validated run: inputs loaded, outputs checked. */
    private record Run(RgbImage content, List<CoarseToFine.Scale> scales, List<StyleImage> styles,
                       StyleTransferOptions options, NetworkWeights weights, Path weightsFile, Checkpoints checkpoints) {

        int totalIterations() {
            return CoarseToFine.totalIterations(scales);
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
