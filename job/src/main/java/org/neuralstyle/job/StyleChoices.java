package org.neuralstyle.job;

import org.neuralstyle.algorithm.ColorControl;
import org.neuralstyle.algorithm.ContentLoss;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleLoss;
import org.neuralstyle.algorithm.StyleRegion;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Networks;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.optim.AdamSettings;
import org.neuralstyle.optim.LearningRateSchedule;
import org.neuralstyle.settings.InvalidSetting;
import org.neuralstyle.weights.InputConvention;
import org.neuralstyle.weights.WeightFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What the user chose for the style of a picture or a video, as given (null: not given, the network's default
 * applies): the styles, the loss weights, the optimiser, the start, the network and its weights, the engine. Every
 * front end builds one (the command line from its options, the studio and batch from their jobs), and every check of
 * these choices is made here, each error naming the option as the command line spells it. Option names and defaults
 * follow the reference implementation.
 */
public record StyleChoices(List<Path> styles, Integer iterations, Integer width, List<Double> styleScales,
                           List<Double> styleBlendWeights, List<Path> styleMasks, List<Path> styleImageMasks,
                           String regionsFrom, Double contentWeight, Double contentWeightBlend,
                           Double styleWeight, Double styleStrength, String contentLayers, String styleLayers, Double styleLayerWeightExp,
                           Double tvWeight, Double learningRate, Double learningRateDecay, int learningRateDecaySteps,
                           String optimizer, Integer lbfgsHistory, Double beta1, Double beta2, Double epsilon,
                           String initial, Double initialNoiseblend, String pooling, boolean preserveColors,
                           String styleLoss, String contentLoss, Double averageDecay, boolean carryAdamState, String maxMemory,
                           String colors, Long seed, String network, Path weights, String inputNormalization,
                           EngineChoice engine, Path defaultWeights) {

    /** The reference implementation's weights file, looked for in the current folder. */
    public static final String DEFAULT_WEIGHTS = "imagenet-vgg-verydeep-19.mat";

    /**
     * How strongly the style shows, as a multiple of the style weight (the network's default or --style-weight): one
     * knob that means the same for every network, whose style weights differ by orders of magnitude.
     */
    public static final double DEFAULT_STYLE_STRENGTH = 1;

    /**
     * With neither --network nor --weights: VGG-19 where its weights are here or can be downloaded, else the
     * built-in network, said in one line. A check-only pass downloads nothing: it plans for VGG-19 unless the
     * download already failed, the larger of the two. Returns the choices with the network chosen.
     */
    public StyleChoices withNetworkChosen(JobListener listener, boolean mayDownload) throws IOException {
        if (network != null || weights != null || defaultWeights != null) {
            return this;
        }
        WeightsLocator locator = locator(listener);
        if (!mayDownload && !locator.hasVgg19()) {
            return this;
        }
        WeightsLocator.Located found = locator.locateDefault();
        return new StyleChoices(styles, iterations, width, styleScales, styleBlendWeights, styleMasks, styleImageMasks,
                regionsFrom, contentWeight,
                contentWeightBlend, styleWeight, styleStrength, contentLayers, styleLayers, styleLayerWeightExp, tvWeight,
                learningRate, learningRateDecay, learningRateDecaySteps, optimizer, lbfgsHistory, beta1, beta2, epsilon,
                initial, initialNoiseblend, pooling, preserveColors, styleLoss, contentLoss, averageDecay, carryAdamState,
                maxMemory, colors, seed, found.network(), weights, inputNormalization, engine, found.file());
    }

    /** The network the run uses: --network, else the default's choice, else VGG-19. */
    public String networkName() {
        return network != null ? network : "vgg19";
    }

    private static WeightsLocator locator(JobListener listener) {
        return new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(), listener);
    }

    /**
     * The options: what the user gave, and for everything else the defaults of the network, from the one source
     * the library reads too ({@link StyleTransferOptions#defaults(NetworkArchitecture)}).
     */
    public StyleTransferOptions options(NetworkArchitecture architecture) {
        try {
            return resolved(architecture);
        } catch (InvalidSetting e) {
            // The records check their settings; the user hears it of the option that set it.
            String option = OPTION_OF_SETTING.get(e.setting());
            throw option == null ? e : new UserError(e.sayingOption(option));
        }
    }

    /** The option that sets each setting the records check (by the record component's name). */
    private static final Map<String, String> OPTION_OF_SETTING = Map.ofEntries(
            Map.entry("contentWeight", "--content-weight"), Map.entry("styleWeight", "--style-weight"),
            Map.entry("tvWeight", "--tv-weight"), Map.entry("contentWeightBlend", "--content-weight-blend"),
            Map.entry("styleLayerWeightExp", "--style-layer-weight-exp"), Map.entry("iterations", "--iterations"),
            Map.entry("lbfgsHistorySize", "--lbfgs-history"), Map.entry("averageDecay", "--average-decay"),
            Map.entry("beta1", "--beta1"), Map.entry("beta2", "--beta2"), Map.entry("epsilon", "--epsilon"),
            Map.entry("learningRate", "--learning-rate"), Map.entry("learningRateDecay", "--learning-rate-decay"),
            Map.entry("learningRateDecayInterval", "--learning-rate-decay-steps"));

    private StyleTransferOptions resolved(NetworkArchitecture architecture) {
        StyleTransferOptions defaults = StyleTransferOptions.defaults(architecture, styleLossKind());
        double contentWeight = orDefault(this.contentWeight, contentLossKind() == ContentLoss.SELF_SIMILARITY
                ? ContentLoss.SELF_SIMILARITY_WEIGHT : defaults.contentWeight());
        double styleStrength = orDefault(this.styleStrength, DEFAULT_STYLE_STRENGTH);
        requirePositive(styleStrength, "--style-strength");
        double styleWeight = orDefault(this.styleWeight, defaults.styleWeight()) * styleStrength;
        int iterations = iterations(defaults);
        if (width != null) {
            requireAtLeast(width, 2, "--width");
        }
        if (initialNoiseblend != null) {
            requireRange(initialNoiseblend, 0, 1, "--initial-noiseblend");
        }
        engine.settings();
        inputConvention();
        StyleTransferOptions.OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> StyleTransferOptions.OptimizerKind.ADAM;
            case "lbfgs", "l-bfgs" -> StyleTransferOptions.OptimizerKind.LBFGS;
            default -> throw new UserError("--optimizer: unknown optimizer '" + optimizer + "' (use adam or lbfgs)");
        };
        Pooling pool = named(pooling, defaults.pooling(), Pooling::parse, "--pooling");
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        // A fresh builder, so that what is not given (the learning-rate schedule, the start) follows the network's
        // recommendation for this many iterations.
        StyleTransferOptions.Builder builder = StyleTransferOptions.builder(architecture, styleLossKind())
                .contentWeight(contentWeight)
                .contentWeightBlend(orDefault(contentWeightBlend, defaults.contentWeightBlend()))
                .styleWeight(styleWeight)
                .styleLayerWeightExp(orDefault(styleLayerWeightExp, defaults.styleLayerWeightExp()))
                .tvWeight(orDefault(tvWeight, defaults.tvWeight()))
                .iterations(iterations)
                .pooling(pool)
                .optimizer(kind)
                .lbfgsHistorySize(lbfgsHistory != null ? lbfgsHistory : defaults.lbfgsHistorySize())
                .seed(chosenSeed)
                .preserveColors(preserveColors)
                .colors(colorControl())
                .styleLoss(styleLossKind())
                .contentLoss(contentLossKind())
                .averageDecay(averageDecay != null ? averageDecay : defaults.averageDecay())
                .carryAdamState(carryAdamState)
                .contentLayers(LayerOption.parse(contentLayers, architecture, "--content-layers"))
                .styleLayers(LayerOption.parse(styleLayers, architecture, "--style-layers"));
        if (learningRate != null || learningRateDecay != null || beta1 != null || beta2 != null || epsilon != null) {
            builder.adam(adam(builder.build().adam()));
        }
        return builder.build();
    }

    /**
     * Said once before a run where --style-strength cannot act: it weighs the style against the photo's content term,
     * and neural neighbours have none unless one is chosen (their search keeps the photo's layout), so any strength
     * paints the same picture (measured: the cat at 256 px, strengths 0.25, 1 and 4, the same look).
     */
    public Optional<String> strengthNotice(StyleTransferOptions options) {
        boolean given = styleStrength != null && styleStrength != DEFAULT_STYLE_STRENGTH;
        if (!given || options.styleLoss() != StyleLoss.Kind.NEIGHBOURS || options.contentWeight() > 0) {
            return Optional.empty();
        }
        return Optional.of("--style-strength " + styleStrength + " changes nothing with --style-loss neighbours and no "
                + "content term; add --content-loss self-similarity for the strength to weigh the photo against the "
                + "painting, or --coarsest-width 128 for more of the painting");
    }

    public ContentLoss contentLossKind() {
        return named(contentLoss, ContentLoss.MSE, ContentLoss::parse, "--content-loss");
    }

    public StyleLoss.Kind styleLossKind() {
        return named(styleLoss, StyleLoss.Kind.GRAM, StyleLoss.Kind::parse, "--style-loss");
    }

    public ColorControl colorControl() {
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

    /** Adam as the user set it, the network's default for the rest (the records check the values). */
    private AdamSettings adam(AdamSettings networkDefault) {
        LearningRateSchedule schedule = networkDefault.schedule();
        if (learningRate != null || learningRateDecay != null) {
            double rate = orDefault(learningRate, schedule.rateAt(0));
            double decay = orDefault(learningRateDecay, 1.0);
            // The interval is checked even where it is not used (no decay), as it was given.
            requireAtLeast(learningRateDecaySteps, 1, "--learning-rate-decay-steps");
            schedule = decay == 1 ? new LearningRateSchedule.Constant(rate)
                    : new LearningRateSchedule.ExponentialDecay(rate, decay, learningRateDecaySteps);
        }
        return new AdamSettings(schedule, orDefault(beta1, networkDefault.beta1()),
                orDefault(beta2, networkDefault.beta2()), orDefault(epsilon, networkDefault.epsilon()));
    }

    /** --iterations, or the default (the same for every network). */
    public int iterations(StyleTransferOptions defaults) {
        return iterations != null ? iterations : defaults.iterations();
    }

    /** The input convention the user named, if any. */
    public Optional<InputConvention> inputConvention() {
        return Optional.ofNullable(named(inputNormalization, null, InputConvention::parse, "--input-normalization"));
    }

    /** The weights of the architecture from the file chosen by --weights, --network or the defaults. */
    public NetworkWeights loadWeights(NetworkArchitecture architecture, Path file) throws IOException {
        return WeightFiles.load(file, architecture, inputConvention());
    }

    /** The weights, read once per process where a cache is given (null: read now). */
    public NetworkWeights loadWeights(NetworkArchitecture architecture, Path file, WeightsCache cache) throws IOException {
        if (cache == null) {
            return loadWeights(architecture, file);
        }
        return cache.load(architecture, file, inputConvention(), () -> loadWeights(architecture, file));
    }

    private static double orDefault(Double given, double fallback) {
        return given != null ? given : fallback;
    }

    /** The style images with their blend weights and scales, each decoded for its size at this output width. */
    public List<StyleImage> styleImages(InputImages images, int outputWidth) throws IOException {
        int n = styles.size();
        if (styleBlendWeights != null && styleBlendWeights.size() != n) {
            throw new UserError("--style-blend-weights has " + styleBlendWeights.size() + " values for " + n + " style image(s)");
        }
        if (styleScales != null && styleScales.size() != n) {
            throw new UserError("--style-scales has " + styleScales.size() + " values for " + n + " style image(s)");
        }
        if (styleMasks != null && styleMasks.size() != n) {
            throw new UserError("--style-masks has " + styleMasks.size() + " files for " + n + " style image(s)");
        }
        if (styleMasks != null && styleLossKind() == StyleLoss.Kind.WASSERSTEIN) {
            throw new UserError("--style-masks needs --style-loss gram or neighbours (not wasserstein)");
        }
        if (styleImageMasks != null && styleImageMasks.size() != n) {
            throw new UserError("--style-image-masks has " + styleImageMasks.size() + " files for " + n + " style image(s)");
        }
        if (styleImageMasks != null && styleLossKind() == StyleLoss.Kind.WASSERSTEIN) {
            throw new UserError("--style-image-masks needs --style-loss gram or neighbours (not wasserstein)");
        }
        if (regionsFrom != null) {
            if (styleMasks != null) {
                throw new UserError("--regions-from and --style-masks both place the styles: give one of them");
            }
            if (styleLossKind() == StyleLoss.Kind.WASSERSTEIN) {
                throw new UserError("--regions-from needs --style-loss gram or neighbours (not wasserstein)");
            }
            PhotoRegions.rule(regionsFrom, n, seed);
        }
        double blendSum = 0;
        List<StyleImage> loaded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double blend = styleBlendWeights == null ? 1 : styleBlendWeights.get(i);
            double scale = styleScales == null ? 1 : styleScales.get(i);
            requireNonNegative(blend, "--style-blend-weights");
            requirePositive(scale, "--style-scales");
            blendSum += blend;
            StyleRegion region = styleMasks == null || isEverywhere(styleMasks.get(i)) ? null
                    : StyleRegion.ofMask(images.decode(firstMask(styleMasks.get(i)), "--style-masks").image());
            loaded.add(new StyleImage(images.decode(styles.get(i), "--styles",
                    longSideUsed(styles.get(i), scale, outputWidth)).image(), blend, scale, region, part(images, i)));
        }
        if (!(blendSum > 0)) {
            throw new UserError("--style-blend-weights must not all be zero");
        }
        return loaded;
    }

    /**
     * The longest side a style image is used at, at its scale x the output width (0: full size, where its header
     * cannot say): a far larger painting is averaged down as it is decoded.
     */
    private static int longSideUsed(Path style, double scale, int outputWidth) {
        try {
            int[] size = Files.isRegularFile(style) ? ImageFiles.dimensions(style) : null;
            if (size == null) {
                return 0;
            }
            double width = Math.max(1, Math.round(scale * outputWidth));
            return (int) Math.ceil(width * Math.max(1, (double) size[1] / size[0]));
        } catch (IOException e) {
            return 0; // decoding it says what is wrong
        }
    }

    /** The part of style i it is learnt from (--style-image-masks), null: all of it; one that covers nothing is refused. */
    private StyleRegion part(InputImages images, int i) throws IOException {
        if (styleImageMasks == null || isEverywhere(styleImageMasks.get(i))) {
            return null;
        }
        Path file = styleImageMasks.get(i);
        StyleRegion part = StyleRegion.ofMask(images.decode(file, "--style-image-masks").image());
        if (!(part.coverage() > 0)) {
            throw new UserError("--style-image-masks " + file + ": the mask is black everywhere, so nothing of "
                    + styles.get(i).getFileName() + " would be learnt (white: learn from here)");
        }
        return part;
    }

    /** A mask, or a folder's first mask frame (a video's masks that move: {@link #maskFolders}). */
    private static Path firstMask(Path mask) throws IOException {
        if (!Files.isDirectory(mask)) {
            return mask;
        }
        List<Path> frames = org.neuralstyle.video.io.FrameSource.frameImages(mask);
        if (frames.isEmpty()) {
            throw new UserError("--style-masks " + mask + ": a folder of mask frames with no images (.png, .jpg, .bmp)");
        }
        return frames.get(0);
    }

    /** The --style-masks entries that are folders of mask frames (masks that move with a video). */
    public List<Path> maskFolders() {
        return styleMasks == null ? List.of() : styleMasks.stream().filter(Files::isDirectory).toList();
    }

    /** A mask entry that places its style everywhere: "all" (so one style can be placed and another not). */
    public static boolean isEverywhere(Path mask) {
        return mask.toString().equals(EVERYWHERE);
    }

    /** The --style-masks entry for a style painted everywhere. */
    public static final String EVERYWHERE = "all";

    /** The memory plan for this network and the layers these options use, within --max-memory. */
    public MemoryBudget memoryBudget(NetworkArchitecture architecture, StyleTransferOptions options) {
        LossSpec spec = LossSpec.of(options, architecture, new double[] {1});
        MemoryBudget budget = MemoryBudget.of(maxMemory == null ? null : MemorySize.parse(maxMemory, "--max-memory"),
                architecture, spec.contentLayers().keySet(), spec.layers());
        return options.styleLoss() != StyleLoss.Kind.NEIGHBOURS ? budget : budget.withNeighbours(
                spec.styleLayers().keySet().stream().mapToInt(architecture::outputChannels).sum());
    }

    /** Each style image, resized to its scale x the output width, must fit this machine. */
    public void requireStylesFit(List<StyleImage> loaded, int outputWidth, MemoryBudget budget, boolean tiled) {
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
    public Initialization initialization(InputImages images) throws IOException {
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
    public Optional<Path> initialFile() {
        return initial == null || initial.equals("content") || initial.equals("noise") ? Optional.empty()
                : Optional.of(Path.of(initial));
    }

    public NetworkArchitecture architecture() {
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

    public Path weightsFile(NetworkArchitecture architecture, JobListener listener) throws IOException {
        if (weights != null) {
            return weights;
        }
        if (networkIsAFile()) {
            return Path.of(network);
        }
        if (defaultWeights != null) {
            return defaultWeights;
        }
        return locator(listener).locate(architecture.name());
    }

    public static void requireAtLeast(int value, int min, String option) {
        if (value < min) {
            throw new UserError(option + " must be at least " + min + ", got " + value);
        }
    }

    public static void requireNonNegative(double value, String option) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be a non-negative number, got " + value);
        }
    }

    public static void requirePositive(double value, String option) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError(option + " must be positive, got " + value);
        }
    }

    public static void requireRange(double value, double lo, double hi, String option) {
        if (!(value >= lo && value <= hi)) {
            throw new UserError(option + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
