package org.neuralstyle.cli;

import org.neuralstyle.algorithm.ColorControl;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleLoss;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Networks;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.optim.AdamSettings;
import org.neuralstyle.optim.LearningRateSchedule;
import org.neuralstyle.weights.InputConvention;
import org.neuralstyle.weights.WeightFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The options every stylizing command shares (images and videos): the styles, the loss weights, the optimiser,
 * the start, the network and its weights. Option names and defaults follow the reference implementation.
 */
final class StyleOptions {

    static final String DEFAULT_WEIGHTS = "imagenet-vgg-verydeep-19.mat";

    @Option(names = "--styles", arity = "1..*", paramLabel = "FILE", description = "One or more style images (required).")
    List<Path> styles;

    @Option(names = "--iterations", paramLabel = "N", description = "Optimisation steps (default: ${bundle:default.iterations}).")
    Integer iterations;

    @Option(names = "--width", paramLabel = "PX", description = "Width of the output, the content resized to it; above "
            + "the photo's own it enlarges (default: the photo's size, its long side at most "
            + WorkingSize.DEFAULT_LONG_SIDE + " px).")
    Integer width;

    @Option(names = "--style-scales", split = ",", arity = "1..*", paramLabel = "S",
            description = "Per style: resize it to S x the content width (default 1.0 each).")
    List<Double> styleScales;

    @Option(names = "--style-blend-weights", split = ",", arity = "1..*", paramLabel = "W",
            description = "Per style: relative weight in the blend, normalised to sum 1 (default equal).")
    List<Double> styleBlendWeights;

    @Option(names = "--content-weight", paramLabel = "W", description = "Content loss weight (default: ${bundle:default.content-weight}).")
    Double contentWeight;

    @Option(names = "--content-weight-blend", paramLabel = "B",
            description = "Share of relu4_2 in the content loss, the rest on relu5_2 (default: ${bundle:default.content-weight-blend}).")
    Double contentWeightBlend;

    @Option(names = "--style-weight", paramLabel = "W", description = "Style loss weight (default: ${bundle:default.style-weight}).")
    Double styleWeight;

    @Option(names = "--content-layers", paramLabel = "LAYER[:W],...",
            description = "Content layers by name, each with a relative weight (default: ${bundle:default.content-layers}).")
    String contentLayers;

    @Option(names = "--style-layers", paramLabel = "LAYER[:W],...",
            description = "Style layers by name, each with a relative weight (default: ${bundle:default.style-layers}).")
    String styleLayers;

    @Option(names = "--style-layer-weight-exp", paramLabel = "E",
            description = "Style layer k weighs E^k (normalised); >1 favours coarse features (default: "
                    + "${bundle:default.style-layer-weight-exp}).")
    Double styleLayerWeightExp;

    @Option(names = "--tv-weight", paramLabel = "W", description = "Total-variation weight (default: ${bundle:default.tv-weight}).")
    Double tvWeight;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam learning rate (default: ${bundle:default.learning-rate}).")
    Double learningRate;

    @Option(names = "--learning-rate-decay", paramLabel = "F",
            description = "Multiply the learning rate by F every --learning-rate-decay-steps (default: the network's "
                    + "schedule, ${bundle:default.learning-rate-schedule}; the paper used 0.94 per 100 from 20).")
    Double learningRateDecay;

    @Option(names = "--learning-rate-decay-steps", paramLabel = "N", description = "Decay interval (default: ${DEFAULT-VALUE}).")
    int learningRateDecaySteps = 100;

    @Option(names = "--optimizer", paramLabel = "adam|lbfgs",
            description = "adam (the paper's, default) or lbfgs (Gatys et al.'s: fewer iterations for the same loss; "
                    + "each line-search evaluation counts as an iteration).")
    String optimizer = "adam";

    @Option(names = "--lbfgs-history", paramLabel = "N", description = "L-BFGS memory in steps (default: "
            + "${bundle:default.lbfgs-history}; each costs 8 bytes per pixel value, 6 MB at 512x512).")
    Integer lbfgsHistory;

    @Option(names = "--beta1", description = "Adam beta1 (default: ${bundle:default.beta1}).")
    Double beta1;

    @Option(names = "--beta2", description = "Adam beta2 (default: ${bundle:default.beta2}).")
    Double beta2;

    @Option(names = "--epsilon", description = "Adam epsilon (default: ${bundle:default.epsilon}).")
    Double epsilon;

    @Option(names = "--initial", paramLabel = "FILE|content|noise",
            description = "Start from this image (e.g. a checkpoint), the content image, or noise (default: "
                    + "${bundle:default.initial}).")
    String initial;

    @Option(names = "--initial-noiseblend", paramLabel = "R",
            description = "Blend of noise into the initial image, 0..1 (default: 0 with --initial, else 1 = pure noise; "
                    + "below 1 without --initial starts from the content image).")
    Double initialNoiseblend;

    @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling layers (default: ${bundle:default.pooling}).")
    String pooling;

    @Option(names = "--preserve-colors", description = "Keep the content image's colours (style luminance only).")
    boolean preserveColors;

    @Option(names = "--style-loss", paramLabel = "gram|wasserstein",
            description = "Style statistics: gram (the paper's Gram matrices, default) or wasserstein (means and "
                    + "covariances, the squared 2-Wasserstein distance between Gaussian fits; its scale differs: "
                    + "set --style-weight to taste).")
    String styleLoss;

    @Option(names = "--average-decay", paramLabel = "D",
            description = "Output the average of the optimiser's iterates, each older one weighted D times less "
                    + "(about the last 1/(1-D) iterations), rather than the lowest-loss iterate; 0 turns it off "
                    + "(default: ${bundle:default.average-decay}).")
    Double averageDecay;

    @Option(names = "--carry-adam-state",
            description = "Coarse to fine: start each scale's Adam from the previous scale's moments, resized, rather "
                    + "than afresh (off by default: measured slightly worse).")
    boolean carryAdamState;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Memory the run may use, e.g. 8G or 512M; larger images are refused before any work, naming "
                    + "the size that fits (default: 90%% of this machine's).")
    String maxMemory;

    @Option(names = "--colors", paramLabel = "style|content-histogram|content-luminance",
            description = "Whose colours: the style's (default); the content's by recolouring the styles to its mean "
                    + "colour and covariance first; or the content's by styling luminance alone (Gatys et al. 2017).")
    String colors;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same image (default: random, printed).")
    Long seed;

    @Option(names = "--network", paramLabel = "NAME",
            description = "vgg19 (default where its weights are here or can be downloaded, else the built-in "
                    + "squeezenet), vgg16 or squeezenet (built in, fast previews). A weights file path is accepted too, "
                    + "as in the reference.")
    String network;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Weights file: MatConvNet .mat, Keras .h5, ONNX or Caffe. Default: ./" + DEFAULT_WEIGHTS
                    + ", else VGG-19 from the cache, downloaded on first use.")
    Path weights;

    @Option(names = "--input-normalization", paramLabel = "caffe-bgr|imagenet-std",
            description = "The input preprocessing the weights were trained with, for files that cannot tell it "
                    + "(ONNX from Caffe2 or unknown exporters): caffe-bgr (BGR, 0..255 minus the mean pixel) or "
                    + "imagenet-std (RGB, 0..1, ImageNet mean and std). Default: what the file tells.")
    String inputNormalization;

    @Mixin
    EngineOptions engine;

    /** The weights found for the default network by {@link #chooseNetwork}; null until then. */
    private Path defaultWeights;

    /**
     * With neither --network nor --weights: VGG-19 where its weights are here or can be downloaded, else the
     * built-in network, said in one line. A check-only pass downloads nothing: it plans for VGG-19 unless the
     * download already failed, the larger of the two.
     */
    void chooseNetwork(PrintWriter err, boolean mayDownload) throws IOException {
        if (network != null || weights != null || defaultWeights != null) {
            return;
        }
        WeightsLocator locator = locator(err);
        if (!mayDownload && !locator.hasVgg19()) {
            return;
        }
        WeightsLocator.Located found = locator.locateDefault();
        network = found.network();
        defaultWeights = found.file();
    }

    /** The network the run uses: --network, else the default's choice, else VGG-19. */
    String networkName() {
        return network != null ? network : "vgg19";
    }

    private WeightsLocator locator(PrintWriter err) {
        return new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(), err, System.console() != null);
    }

    /**
     * The options: what the user gave, and for everything else the defaults of the network, from the one source
     * the library reads too ({@link StyleTransferOptions#defaults(NetworkArchitecture)}).
     */
    StyleTransferOptions options(NetworkArchitecture architecture) {
        StyleTransferOptions defaults = StyleTransferOptions.defaults(architecture);
        AdamSettings adam = defaults.adam();
        double contentWeight = orDefault(this.contentWeight, defaults.contentWeight());
        double styleWeight = orDefault(this.styleWeight, defaults.styleWeight());
        double tvWeight = orDefault(this.tvWeight, defaults.tvWeight());
        double contentWeightBlend = orDefault(this.contentWeightBlend, defaults.contentWeightBlend());
        double styleLayerWeightExp = orDefault(this.styleLayerWeightExp, defaults.styleLayerWeightExp());
        int iterations = iterations(defaults);
        int lbfgsHistory = this.lbfgsHistory != null ? this.lbfgsHistory : defaults.lbfgsHistorySize();
        requireAtLeast(iterations, 1, "--iterations");
        if (width != null) {
            requireAtLeast(width, 2, "--width");
        }
        requireNonNegative(contentWeight, "--content-weight");
        requireNonNegative(styleWeight, "--style-weight");
        requireNonNegative(tvWeight, "--tv-weight");
        requireRange(contentWeightBlend, 0, 1, "--content-weight-blend");
        requirePositive(styleLayerWeightExp, "--style-layer-weight-exp");
        if (initialNoiseblend != null) {
            requireRange(initialNoiseblend, 0, 1, "--initial-noiseblend");
        }
        if (averageDecay != null && !(averageDecay >= 0 && averageDecay < 1)) {
            throw new UserError("--average-decay: must be at least 0 and below 1 (0: no averaging), got " + averageDecay);
        }
        engine.settings();
        inputConvention();
        requireAtLeast(lbfgsHistory, 1, "--lbfgs-history");
        StyleTransferOptions.OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> StyleTransferOptions.OptimizerKind.ADAM;
            case "lbfgs", "l-bfgs" -> StyleTransferOptions.OptimizerKind.LBFGS;
            default -> throw new UserError("--optimizer: unknown optimizer '" + optimizer + "' (use adam or lbfgs)");
        };
        Pooling pool = named(pooling, defaults.pooling(), Pooling::parse, "--pooling");
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        // A fresh builder, so that what is not given (the learning-rate schedule, the start) follows the network's
        // recommendation for this many iterations.
        StyleTransferOptions.Builder builder = StyleTransferOptions.builder(architecture)
                .contentWeight(contentWeight).contentWeightBlend(contentWeightBlend)
                .styleWeight(styleWeight).styleLayerWeightExp(styleLayerWeightExp).tvWeight(tvWeight)
                .iterations(iterations)
                .pooling(pool)
                .optimizer(kind)
                .lbfgsHistorySize(lbfgsHistory)
                .seed(chosenSeed)
                .preserveColors(preserveColors)
                .colors(colorControl())
                .styleLoss(styleLossKind())
                .averageDecay(averageDecay != null ? averageDecay : defaults.averageDecay())
                .carryAdamState(carryAdamState)
                .contentLayers(LayerOption.parse(contentLayers, architecture, "--content-layers"))
                .styleLayers(LayerOption.parse(styleLayers, architecture, "--style-layers"));
        if (learningRate != null || learningRateDecay != null || beta1 != null || beta2 != null || epsilon != null) {
            builder.adam(adam(builder.build().adam()));
        }
        return builder.build();
    }

    private StyleLoss.Kind styleLossKind() {
        return named(styleLoss, StyleLoss.Kind.GRAM, StyleLoss.Kind::parse, "--style-loss");
    }

    ColorControl colorControl() {
        return named(colors, ColorControl.STYLE, ColorControl::parse, "--colors");
    }

    /** A named option value parsed, the default where none is given; a wrong name is the user's error. */
    private static <T> T named(String value, T fallback, Function<String, T> parser, String option) {
        try {
            return value == null ? fallback : parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }

    /** Adam as the user set it, the network's default for the rest. */
    private AdamSettings adam(AdamSettings networkDefault) {
        double beta1 = orDefault(this.beta1, networkDefault.beta1());
        double beta2 = orDefault(this.beta2, networkDefault.beta2());
        double epsilon = orDefault(this.epsilon, networkDefault.epsilon());
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new UserError("--beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new UserError("--beta2 must be in [0, 1), got " + beta2);
        }
        requirePositive(epsilon, "--epsilon");
        LearningRateSchedule schedule = networkDefault.schedule();
        if (learningRate != null || learningRateDecay != null) {
            double rate = orDefault(learningRate, schedule.rateAt(0));
            requirePositive(rate, "--learning-rate");
            double decay = orDefault(learningRateDecay, 1.0);
            if (!(decay > 0 && decay <= 1)) {
                throw new UserError("--learning-rate-decay must be in (0, 1], got " + decay);
            }
            requireAtLeast(learningRateDecaySteps, 1, "--learning-rate-decay-steps");
            schedule = decay == 1 ? new LearningRateSchedule.Constant(rate)
                    : new LearningRateSchedule.ExponentialDecay(rate, decay, learningRateDecaySteps);
        }
        return new AdamSettings(schedule, beta1, beta2, epsilon);
    }

    /** --iterations, or the default (the same for every network). */
    int iterations(StyleTransferOptions defaults) {
        return iterations != null ? iterations : defaults.iterations();
    }

    /** The input convention the user named, if any. */
    Optional<InputConvention> inputConvention() {
        return Optional.ofNullable(named(inputNormalization, null, InputConvention::parse, "--input-normalization"));
    }

    /** The weights of the architecture from the file chosen by --weights, --network or the defaults. */
    NetworkWeights loadWeights(NetworkArchitecture architecture, Path file) throws IOException {
        return WeightFiles.load(file, architecture, inputConvention());
    }

    /** The weights, read once per process where a cache is given (null: read now). */
    NetworkWeights loadWeights(NetworkArchitecture architecture, Path file, WeightsCache cache) throws IOException {
        if (cache == null) {
            return loadWeights(architecture, file);
        }
        return cache.load(architecture, file, inputConvention(), () -> loadWeights(architecture, file));
    }

    private static double orDefault(Double given, double fallback) {
        return given != null ? given : fallback;
    }

    List<StyleImage> styleImages(InputImages images) throws IOException {
        int n = styles.size();
        if (styleBlendWeights != null && styleBlendWeights.size() != n) {
            throw new UserError("--style-blend-weights has " + styleBlendWeights.size() + " values for " + n + " style image(s)");
        }
        if (styleScales != null && styleScales.size() != n) {
            throw new UserError("--style-scales has " + styleScales.size() + " values for " + n + " style image(s)");
        }
        double blendSum = 0;
        List<StyleImage> loaded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double blend = styleBlendWeights == null ? 1 : styleBlendWeights.get(i);
            double scale = styleScales == null ? 1 : styleScales.get(i);
            requireNonNegative(blend, "--style-blend-weights");
            requirePositive(scale, "--style-scales");
            blendSum += blend;
            loaded.add(new StyleImage(images.read(styles.get(i), "--styles"), blend, scale));
        }
        if (!(blendSum > 0)) {
            throw new UserError("--style-blend-weights must not all be zero");
        }
        return loaded;
    }

    /** The memory plan for this network and the layers these options use, within --max-memory. */
    MemoryBudget memoryBudget(NetworkArchitecture architecture, StyleTransferOptions options) {
        LossSpec spec = LossSpec.of(options, architecture, new double[] {1});
        return MemoryBudget.of(maxMemory == null ? null : MemorySize.parse(maxMemory, "--max-memory"), architecture,
                spec.contentLayers().keySet(), spec.layers());
    }

    /** Each style image, resized to its scale x the output width, must fit this machine. */
    void requireStylesFit(List<StyleImage> loaded, int outputWidth, MemoryBudget budget, boolean tiled) {
        for (int i = 0; i < loaded.size(); i++) {
            StyleImage s = loaded.get(i);
            int width = s.widthAt(outputWidth);
            int height = Resampling.heightAtWidth(s.image(), width);
            budget.requireStyleFits(tiled, "style " + styles.get(i) + " at " + s.scale() + " x the output width",
                    styleScales != null ? "--style-scales" : "--styles", width, height,
                    fits -> String.format(Locale.ROOT, "a scale of at most %.2f fits", (double) fits / outputWidth));
        }
    }

    /** The start the user asked for, or null for the network's default (noise for VGG, the content for SqueezeNet). */
    Initialization initialization(InputImages images) throws IOException {
        if (initial == null && initialNoiseblend == null) {
            return null;
        }
        if (initial == null || initial.equals("noise")) {
            double blend = initialNoiseblend == null ? 1 : initialNoiseblend;
            return initial == null && blend < 1 ? Initialization.content(blend) : Initialization.noise();
        }
        double blend = initialNoiseblend == null ? 0 : initialNoiseblend;
        if (initial.equals("content")) {
            return Initialization.content(blend);
        }
        return Initialization.image(images.read(Path.of(initial), "--initial"), blend);
    }

    /** The --initial image file, where the start is one (not "content" or "noise"). */
    Optional<Path> initialFile() {
        return initial == null || initial.equals("content") || initial.equals("noise") ? Optional.empty()
                : Optional.of(Path.of(initial));
    }

    NetworkArchitecture architecture() {
        if (networkIsAFile()) {
            return Networks.byName("vgg19");
        }
        try {
            return Networks.byName(networkName());
        } catch (IllegalArgumentException e) {
            throw new UserError("--network: " + e.getMessage());
        }
    }

    /** The reference took the weights file's path in --network; a known network name always wins. */
    private boolean networkIsAFile() {
        if (network == null) {
            return false;
        }
        try {
            Networks.byName(network);
            return false;
        } catch (IllegalArgumentException notAName) {
            return network.contains("/") || network.contains("\\") || network.contains(".") || Files.exists(Path.of(network));
        }
    }

    Path weightsFile(NetworkArchitecture architecture, PrintWriter err) throws IOException {
        if (weights != null) {
            return weights;
        }
        if (networkIsAFile()) {
            return Path.of(network);
        }
        if (defaultWeights != null) {
            return defaultWeights;
        }
        return locator(err).locate(architecture.name());
    }

    static void requireAtLeast(int value, int min, String option) {
        if (value < min) {
            throw new UserError(option + " must be at least " + min + ", got " + value);
        }
    }

    static void requireNonNegative(double value, String option) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be a non-negative number, got " + value);
        }
    }

    static void requirePositive(double value, String option) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be positive, got " + value);
        }
    }

    static void requireRange(double value, double lo, double hi, String option) {
        if (!(value >= lo && value <= hi)) {
            throw new UserError(option + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
