package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.optim.AdamSettings;
import org.neuralstyle.optim.LearningRateSchedule;
import org.neuralstyle.settings.InvalidSetting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.neuralstyle.settings.InvalidSetting.requireAtLeast;
import static org.neuralstyle.settings.InvalidSetting.requireNonNegative;
import static org.neuralstyle.settings.InvalidSetting.requirePositive;

/**
 * Every weight and schedule of a style transfer. The defaults ({@link #defaults(NetworkArchitecture)}) are the one
 * source of defaults for the library and the command line: the reference implementation's, with the loss weights
 * and learning rate the network recommends; set others with {@link #builder(NetworkArchitecture)} or change some
 * with {@link #toBuilder()}.
 */
public record StyleTransferOptions(
        double contentWeight,
        double contentWeightBlend,
        double styleWeight,
        double styleLayerWeightExp,
        double tvWeight,
        int iterations,
        Pooling pooling,
        AdamSettings adam,
        OptimizerKind optimizer,
        int lbfgsHistorySize,
        Initialization initialization,
        long seed,
        boolean preserveColors,
        Map<String, Double> contentLayers,
        Map<String, Double> styleLayers,
        ColorControl colors,
        StyleLoss.Kind styleLoss,
        double averageDecay,
        boolean carryAdamState,
        int tileSize,
        java.util.List<ImageTerm> imageTerms,
        ContentLoss contentLoss) {

    public StyleTransferOptions {
        requireNonNegative(contentWeight, "contentWeight", "content weight");
        requireNonNegative(styleWeight, "styleWeight", "style weight");
        requireNonNegative(tvWeight, "tvWeight", "tv weight");
        if (!(contentWeightBlend >= 0 && contentWeightBlend <= 1)) {
            throw new InvalidSetting("contentWeightBlend", "content weight blend", "must be in [0, 1]", contentWeightBlend);
        }
        requirePositive(styleLayerWeightExp, "styleLayerWeightExp", "style layer weight exponent");
        requireAtLeast(iterations, 1, "iterations", "iterations");
        requireAtLeast(lbfgsHistorySize, 1, "lbfgsHistorySize", "L-BFGS history size");
        if (pooling == null || adam == null || optimizer == null || initialization == null) {
            throw new IllegalArgumentException("pooling, optimiser and initialisation must be set");
        }
        if (colors == null || styleLoss == null || contentLoss == null) {
            throw new IllegalArgumentException("colour control, style loss and content loss must be set");
        }
        if (tileSize < 0) {
            throw new IllegalArgumentException("tile size must be 0 (whole image) or positive, got " + tileSize);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new InvalidSetting("averageDecay", "averaging decay", "must be in [0, 1) (0: no averaging)",
                    averageDecay);
        }
        contentLayers = layerWeights(contentLayers, "content");
        styleLayers = layerWeights(styleLayers, "style");
        imageTerms = java.util.List.copyOf(imageTerms == null ? java.util.List.of() : imageTerms);
        java.util.Set<String> names = new java.util.HashSet<>(java.util.List.of(LossTerms.CONTENT, LossTerms.STYLE,
                LossTerms.TV, LossTerms.TEMPORAL));
        for (ImageTerm term : imageTerms) {
            if (!names.add(term.name())) {
                throw new IllegalArgumentException("a loss term named '" + term.name() + "' is there already");
            }
        }
    }

    /** Layer name to relative weight, in order; empty means the network's default layers. */
    private static Map<String, Double> layerWeights(Map<String, Double> weights, String what) {
        Map<String, Double> copy = new LinkedHashMap<>(weights == null ? Map.of() : weights);
        copy.forEach((layer, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + " layer " + layer + " weight must be a non-negative number, got " + w);
            }
        });
        if (!copy.isEmpty() && copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException(what + " layer weights must not all be zero");
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The defaults for a network: what a caller who sets nothing gets, and what the command line shows. */
    public static StyleTransferOptions defaults(NetworkArchitecture architecture) {
        return builder(architecture).build();
    }

    /** The defaults for a network under a style loss. */
    public static StyleTransferOptions defaults(NetworkArchitecture architecture, StyleLoss.Kind styleLoss) {
        return builder(architecture, styleLoss).build();
    }

    /**
     * Adam (the paper's, one evaluation per iteration) or L-BFGS (Gatys et al.'s; iterations then count loss
     * evaluations, line-search trials included, as in jcjohnson/neural-style).
     */
    public enum OptimizerKind { ADAM, LBFGS }

    /**
     * The output is the average of Adam's iterates with this decay (about the last 1/(1-d) of them; see
     * {@link org.neuralstyle.optim.IterateAverage}); 0: the lowest-loss iterate.
     */
    public static final double DEFAULT_AVERAGE_DECAY = 0;

    /** A builder holding the defaults for a network: the reference implementation's, with its recommended weights. */
    public static Builder builder(NetworkArchitecture architecture) {
        return builder(architecture, StyleLoss.Kind.GRAM);
    }

    /** A builder holding the defaults for a network and a style loss, whose weights depend on it. */
    public static Builder builder(NetworkArchitecture architecture, StyleLoss.Kind styleLoss) {
        NetworkArchitecture.RecommendedWeights recommended = styleLoss.recommended(architecture.recommendedWeights());
        Builder b = new Builder();
        b.styleLoss = styleLoss;
        b.contentWeight = recommended.content();
        b.styleWeight = recommended.style();
        b.tvWeight = recommended.tv();
        b.recommended = recommended;
        b.iterations = recommended.iterations();
        b.initialization = recommended.startFromContent() ? Initialization.content(0) : Initialization.noise();
        return b;
    }

    /**
     * These options for one run of its own: a scale of a coarse-to-fine run, a video frame. The iterations and the
     * start are the run's; an annealed learning rate is annealed over this run's iterations, and a run that starts
     * from a finished picture (the previous scale or frame) begins at the middle rate, so that its first steps
     * refine rather than repaint it.
     */
    public StyleTransferOptions forRun(int runIterations, Initialization start) {
        Builder b = toBuilder().iterations(runIterations).initialization(start);
        if (adam.schedule() instanceof LearningRateSchedule.Annealed annealed) {
            b.adam(new AdamSettings(annealed.forRun(runIterations, start.kind() == Initialization.Kind.IMAGE),
                    adam.beta1(), adam.beta2(), adam.epsilon()));
        }
        return b.build();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.contentWeight = contentWeight;
        b.contentWeightBlend = contentWeightBlend;
        b.styleWeight = styleWeight;
        b.styleLayerWeightExp = styleLayerWeightExp;
        b.tvWeight = tvWeight;
        b.iterations = iterations;
        b.pooling = pooling;
        b.adam = adam;
        b.optimizer = optimizer;
        b.lbfgsHistorySize = lbfgsHistorySize;
        b.initialization = initialization;
        b.seed = seed;
        b.preserveColors = preserveColors;
        b.contentLayers = contentLayers;
        b.styleLayers = styleLayers;
        b.colors = colors;
        b.styleLoss = styleLoss;
        b.averageDecay = averageDecay;
        b.carryAdamState = carryAdamState;
        b.tileSize = tileSize;
        b.imageTerms = imageTerms;
        b.contentLoss = contentLoss;
        return b;
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private double contentWeight;
        private double contentWeightBlend = 1;
        private double styleWeight;
        private double styleLayerWeightExp = 1;
        private double tvWeight;
        private int iterations = 1000;
        private Pooling pooling = Pooling.MAX;
        private AdamSettings adam;
        /** The network's recommendation, for the learning-rate schedule, which depends on the iteration count. */
        private NetworkArchitecture.RecommendedWeights recommended;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        /**
         * jcjohnson/neural-style's 100. Measured (README, Time to quality; SqueezeNet, 256 px): Adam's 1000-iteration
         * loss in 322 evaluations, against 365 with 20 steps; it costs 8 bytes per pixel value a step.
         */
        private int lbfgsHistorySize = 100;
        private Initialization initialization = Initialization.noise();
        private long seed;
        private boolean preserveColors;
        private Map<String, Double> contentLayers = Map.of();
        private Map<String, Double> styleLayers = Map.of();
        private ColorControl colors = ColorControl.STYLE;
        private StyleLoss.Kind styleLoss = StyleLoss.Kind.GRAM;
        private double averageDecay = DEFAULT_AVERAGE_DECAY;
        private boolean carryAdamState;
        private int tileSize;
        private java.util.List<ImageTerm> imageTerms = java.util.List.of();
        private ContentLoss contentLoss = ContentLoss.MSE;

        private Builder() {
        }

        public Builder contentWeight(double w) {
            contentWeight = w;
            return this;
        }

        public Builder contentWeightBlend(double blend) {
            contentWeightBlend = blend;
            return this;
        }

        public Builder styleWeight(double w) {
            styleWeight = w;
            return this;
        }

        public Builder styleLayerWeightExp(double exp) {
            styleLayerWeightExp = exp;
            return this;
        }

        public Builder tvWeight(double w) {
            tvWeight = w;
            return this;
        }

        public Builder iterations(int n) {
            iterations = n;
            return this;
        }

        public Builder pooling(Pooling p) {
            pooling = p;
            return this;
        }

        public Builder adam(AdamSettings a) {
            adam = a;
            return this;
        }

        public Builder optimizer(OptimizerKind kind) {
            optimizer = kind;
            return this;
        }

        public Builder lbfgsHistorySize(int size) {
            lbfgsHistorySize = size;
            return this;
        }

        public Builder initialization(Initialization init) {
            initialization = init;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder preserveColors(boolean preserve) {
            preserveColors = preserve;
            return this;
        }

        /** Content layers and their relative weights, replacing the network's default (and the blend). */
        public Builder contentLayers(Map<String, Double> layers) {
            contentLayers = layers;
            return this;
        }

        /** Style layers and their relative weights, replacing the network's default layers. */
        public Builder styleLayers(Map<String, Double> layers) {
            styleLayers = layers;
            return this;
        }

        /**
         * The style statistics and their distance: the paper's Gram matrices, or means and covariances (W2), or
         * neural neighbours. The weights stay what this builder holds: for neighbours' own defaults start from
         * {@link StyleTransferOptions#builder(NetworkArchitecture, StyleLoss.Kind)}.
         */
        public Builder styleLoss(StyleLoss.Kind kind) {
            styleLoss = kind;
            return this;
        }

        /**
         * Coarse to fine: each scale's Adam continues from the previous scale's moments, resized (as
         * crowsonkb/style-transfer-pytorch); off by default: measured with SqueezeNet at 1024 px (README, Quality),
         * a fresh Adam at each scale ends 4.5% lower in loss at the same sharpness.
         */
        public Builder carryAdamState(boolean carry) {
            carryAdamState = carry;
            return this;
        }

        /**
         * Evaluate images larger than this many pixels on a side tile by tile, with cores of this size (rounded
         * to the network's stride) and {@link TiledStyleTransferGraph#exactHalo} of context: for print sizes that
         * do not fit in memory whole. 0: always whole.
         */
        public Builder tileSize(int pixels) {
            tileSize = pixels;
            return this;
        }

        /** Output the average of Adam's iterates with this decay, in (0, 1); 0: the lowest-loss iterate. */
        public Builder averageDecay(double decay) {
            averageDecay = decay;
            return this;
        }

        /** How the content is held: the paper's feature MSE, or colour self-similarity (its own weight scale). */
        public Builder contentLoss(ContentLoss loss) {
            contentLoss = loss;
            return this;
        }

        /** Terms of the image alone added to the loss, each shown under its name. */
        public Builder imageTerms(java.util.List<ImageTerm> terms) {
            imageTerms = terms;
            return this;
        }

        /** Whose colours the result has. */
        public Builder colors(ColorControl control) {
            colors = control;
            return this;
        }

        public StyleTransferOptions build() {
            if (adam == null) {
                adam = AdamSettings.of(LearningRateSchedule.recommended(recommended.learningRate(),
                        recommended.finalLearningRate(), iterations));
            }
            return new StyleTransferOptions(contentWeight, contentWeightBlend, styleWeight, styleLayerWeightExp,
                    tvWeight, iterations, pooling, adam, optimizer, lbfgsHistorySize, initialization, seed, preserveColors,
                    contentLayers, styleLayers, colors, styleLoss, averageDecay, carryAdamState, tileSize,
                    imageTerms, contentLoss);
        }
    }
}
