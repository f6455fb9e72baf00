package org.neuralstyle.algorithm;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.ColorPreservation;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.optim.Adam;
import org.neuralstyle.optim.IterateAverage;
import org.neuralstyle.optim.Lbfgs;
import org.neuralstyle.optim.Objective;
import org.neuralstyle.optim.Optimizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Gatys et al.'s neural style transfer as in "Neural Style in TensorFlow" (Siegel): optimise the pixels of an
 * image so that its VGG features match the content image's (relu4_2) and its Gram matrices match the style
 * images' (relu1_1..relu5_1), with total variation smoothing, using Adam.
 *
 * <pre>{@code
 * StyleTransfer transfer = new StyleTransfer(weights);
 * StyleTransferResult result = transfer.stylize(content, List.of(StyleImage.of(painting)),
 *         StyleTransferOptions.builder(weights.architecture()).iterations(500).build(), StyleTransferListener.NONE);
 * }</pre>
 */
public final class StyleTransfer {

    private final NetworkWeights weights;
    private final EngineSettings engine;

    public StyleTransfer(NetworkWeights weights) {
        this(weights, EngineSettings.defaults());
    }

    public StyleTransfer(NetworkWeights weights, EngineSettings engine) {
        this.weights = weights;
        this.engine = engine;
    }

    /**
     * Stylizes the content image (the output has its size) with the given styles. Returns the lowest-loss
     * image seen; stops early, keeping that image, when the listener asks or the loss stops being finite.
     */
    public StyleTransferResult stylize(RgbImage content, List<StyleImage> styles, StyleTransferOptions options,
                                       StyleTransferListener listener) {
        return stylize(content, styles, options, listener, Pass.only(options.iterations()), System.nanoTime()).result();
    }

    /**
     * One optimisation at one size: the whole run, or one scale of a coarse-to-fine run ({@link CoarseToFine}),
     * which numbers its iterations across scales and times them from its own start.
     */
    record Pass(int scale, int scales, int iterationOffset, int totalIterations, Adam.State adamStart) {
        static Pass only(int iterations) {
            return new Pass(1, 1, 0, iterations, null);
        }
    }

    /** A pass's result, and where Adam ended (null under L-BFGS), for a next pass to continue from. */
    record PassOutcome(StyleTransferResult result, Adam.State adamEnd) {
    }

    PassOutcome stylize(RgbImage content, List<StyleImage> styles, StyleTransferOptions options,
                                StyleTransferListener listener, Pass pass, long start) {
        ColorControl colors = options.colors();
        RgbImage seen = colors.content(content);
        List<StyleImage> seenStyles = colors.styles(styles, content);
        boolean tiled = options.tileSize() > 0 && Math.max(seen.width(), seen.height()) > options.tileSize();
        try (ImageLoss graph = tiled ? openTiled(seen, seenStyles, options) : openGraph(seen, seenStyles, options, 0)) {
            graph.setContent(seen);
            float[] x = initialImage(seen, options.initialization(), options.seed());
            return optimise(graph, x, content, colors.finish(content, styles), options, listener, pass, start,
                    Double.NEGATIVE_INFINITY);
        }
    }

    /**
     * The loss graph for images of the content's size, its style targets set; checks every image is large
     * enough for the network. A temporal weight above 0 adds the temporal term (see {@link SequenceStyleTransfer}).
     */
    StyleTransferGraph openGraph(RgbImage content, List<StyleImage> styles, StyleTransferOptions options,
                                 double temporalWeight) {
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one style image is needed");
        }
        double[] blend = styles.stream().mapToDouble(StyleImage::blendWeight).toArray();
        LossSpec spec = LossSpec.of(options, weights.architecture(), blend).withTemporalWeight(temporalWeight);
        boolean regions = hasRegions(styles);
        if (regions) {
            spec = spec.withStyleRegions();
        }
        List<RgbImage> scaledStyles = styles.stream().map(s -> scaledStyle(s, content.width())).toList();
        requireLargeEnough(spec, content, "the content image");
        for (int i = 0; i < scaledStyles.size(); i++) {
            requireLargeEnough(spec, scaledStyles.get(i), "style image " + (i + 1) + " (at its scale)");
        }
        StyleTransferGraph graph = new StyleTransferGraph(weights, options.pooling(), spec,
                content.width(), content.height(), engine);
        try {
            graph.setStyles(scaledStyles, styles.stream().map(StyleImage::part).toList());
            if (regions) {
                graph.setStyleRegions(styles.stream().map(StyleImage::region).toList());
            }
            return graph;
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /**
     * The tiled loss for an image too large to evaluate whole: cores of the options' tile size, the exact halo,
     * the grid's offsets drawn from the run's seed.
     */
    private TiledStyleTransferGraph openTiled(RgbImage content, List<StyleImage> styles, StyleTransferOptions options) {
        if (styles.stream().anyMatch(s -> s.part() != null)) {
            throw new IllegalArgumentException("tiled runs learn each style from all of its image (no parts)");
        }
        double[] blend = styles.stream().mapToDouble(StyleImage::blendWeight).toArray();
        LossSpec spec = LossSpec.of(options, weights.architecture(), blend);
        boolean regions = hasRegions(styles);
        if (regions) {
            spec = spec.withStyleRegions();
        }
        TiledStyleTransferGraph graph = new TiledStyleTransferGraph(weights, options.pooling(), spec, content.width(),
                content.height(), options.tileSize(), TiledStyleTransferGraph.exactHalo(weights.architecture(), spec),
                options.seed(), engine);
        try {
            graph.setStyles(styles.stream().map(s -> scaledStyle(s, content.width())).toList());
            if (regions) {
                graph.setStyleRegions(styles.stream().map(StyleImage::region).toList());
            }
            return graph;
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static boolean hasRegions(List<StyleImage> styles) {
        return styles.stream().anyMatch(s -> s.region() != null);
    }

    /** Networks with unpadded strided layers have no features at all for a too small image. */
    private void requireLargeEnough(LossSpec spec, RgbImage image, String what) {
        int minimum = weights.architecture().minimumInputSize(spec.layers());
        if (image.width() < minimum || image.height() < minimum) {
            throw new IllegalArgumentException(what + " is " + image.width() + "x" + image.height() + " pixels; "
                    + weights.architecture().name() + " needs at least " + minimum + " on each side");
        }
    }

    /**
     * Runs the optimiser from x for options.iterations() iterations, or until the best loss is at most stopLoss,
     * and returns the best image seen.
     */
    PassOutcome optimise(ImageLoss graph, float[] x, RgbImage content, UnaryOperator<RgbImage> colors,
                         StyleTransferOptions options, StyleTransferListener listener, Pass pass, long start,
                         double stopLoss) {
        boolean lbfgs = options.optimizer() == StyleTransferOptions.OptimizerKind.LBFGS;
        // Averaging suits Adam's iterates, not L-BFGS's line-search trials.
        IterateAverage average = !lbfgs && options.averageDecay() > 0
                ? new IterateAverage(options.averageDecay(), x.length) : null;
        graph.startFrom(x);
        Tracker tracker = new Tracker(graph, content, colors, options, listener, pass, start, stopLoss, average);
        if (graph instanceof TiledStyleTransferGraph tiled) {
            tiled.onTileDone((done, total) -> listener.onTile(new TileProgress(
                    pass.iterationOffset() + tracker.history.size(), pass.totalIterations(), done, total)));
        }
        Adam adam = lbfgs ? null : pass.adamStart() != null && pass.adamStart().m().length == x.length
                ? new Adam(options.adam(), pass.adamStart()) : new Adam(options.adam(), x.length);
        Optimizer optimizer = lbfgs ? new Lbfgs(options.lbfgsHistorySize()) : adam;
        Optimizer.Outcome outcome = optimizer.minimize(tracker, x);
        if (tracker.bestLoss == null) {
            throw new ArithmeticException("the loss of the initial image is not finite; check the weights file");
        }
        StyleTransferResult.Ending ending = tracker.stopped ? StyleTransferResult.Ending.STOPPED
                : outcome == Optimizer.Outcome.NOT_FINITE ? StyleTransferResult.Ending.NOT_FINITE
                : tracker.reachedStopLoss() ? StyleTransferResult.Ending.REACHED_STOP_LOSS
                : StyleTransferResult.Ending.COMPLETED;
        float[] output = tracker.best;
        LossTerms outputLoss = tracker.bestLoss;
        int outputIteration = tracker.bestIteration;
        if (average != null && !average.isEmpty() && ending == StyleTransferResult.Ending.COMPLETED) {
            float[] averaged = average.average();
            tracker.project(averaged);
            LossTerms averagedLoss = graph.evaluate(averaged, null);
            if (averagedLoss.isFinite()) {
                output = averaged;
                outputLoss = averagedLoss;
                outputIteration = tracker.history.size() - 1;
            }
        }
        StyleTransferResult result = new StyleTransferResult(outputImage(output, content, colors, options, graph.painted()),
                outputLoss,
                pass.iterationOffset() + outputIteration, tracker.history, ending, since(start));
        return new PassOutcome(result, adam == null ? null : adam.state());
    }

    /**
     * The objective the optimisers see: evaluates the loss graph, keeps the lowest-loss image, reports each
     * evaluation as an iteration (0 = the initial image), and ends the budget after {@code iterations} + 1
     * evaluations, when the best loss reaches the stop loss, or when the listener asks to stop. A later scale's iteration 0 (the upsampled result of the
     * scale before) is not reported again: the listener sees each iteration number once.
     */
    private static final class Tracker implements Objective {
        private final ImageLoss graph;
        private final RgbImage content;
        private final UnaryOperator<RgbImage> colors;
        private final StyleTransferOptions options;
        private final StyleTransferListener listener;
        private final Pass pass;
        private final long start;
        private final double stopLoss;
        private final List<LossTerms> history = new ArrayList<>();
        private float[] best;
        private LossTerms bestLoss;
        private int bestIteration;
        private boolean stopped;
        private final IterateAverage average;

        Tracker(ImageLoss graph, RgbImage content, UnaryOperator<RgbImage> colors, StyleTransferOptions options,
                StyleTransferListener listener, Pass pass, long start, double stopLoss, IterateAverage average) {
            this.average = average;
            this.graph = graph;
            this.content = content;
            this.colors = colors;
            this.options = options;
            this.listener = listener;
            this.pass = pass;
            this.start = start;
            this.stopLoss = stopLoss;
        }

        boolean reachedStopLoss() {
            return bestLoss != null && bestLoss.total() <= stopLoss;
        }

        @Override
        public double evaluate(float[] x, float[] gradient) {
            LossTerms loss = graph.evaluate(x, gradient);
            if (!loss.isFinite()) {
                return loss.total(); // not an iteration: the optimiser steps back or stops
            }
            int iteration = history.size();
            history.add(loss);
            if (average != null) {
                average.add(x);
            }
            if (bestLoss == null || loss.total() < bestLoss.total()) {
                bestLoss = loss;
                bestIteration = iteration;
                // One buffer, overwritten: under L-BFGS nearly every evaluation is a new best.
                if (best == null) {
                    best = new float[x.length];
                }
                System.arraycopy(x, 0, best, 0, x.length);
            }
            if (iteration > 0 || pass.iterationOffset() == 0) {
                int offset = pass.iterationOffset();
                listener.onIteration(new IterationProgress(offset + iteration, pass.totalIterations(), pass.scale(),
                        pass.scales(), loss, bestLoss, offset + bestIteration, since(start),
                        () -> outputImage(best.clone(), content, colors, options, graph.painted())));
            }
            if (iteration < options.iterations() && listener.stopRequested()) {
                stopped = true;
            }
            return loss.total();
        }

        @Override
        public boolean exhausted() {
            return stopped || history.size() > options.iterations() || reachedStopLoss();
        }

        /**
         * Pixels stay displayable (0..255): outside that range the loss would be optimised on values the saved
         * image cannot hold, and large steps (the annealed rates) would drift there.
         */
        @Override
        public void project(float[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(0f, Math.min(255f, x[i]));
            }
        }
    }

    /**
     * The optimised pixels as the user gets them: in range, with the colours the options ask for, and where no style
     * is painted ({@code painted}: the styles' regions together, null: everywhere) the photo itself, blended in by
     * the regions' own softness. Left to the content loss alone that part drifts (13 levels on the cat at 256 px
     * with SqueezeNet, from the total-variation term's smoothing), and the user asked for it to stay as it is.
     */
    static RgbImage outputImage(float[] pixels, RgbImage content, UnaryOperator<RgbImage> colors,
                                StyleTransferOptions options, StyleRegion painted) {
        RgbImage image = colors.apply(new RgbImage(content.width(), content.height(), pixels).clamped());
        image = options.preserveColors() ? ColorPreservation.keepContentColors(image, content) : image;
        return painted == null ? image : painted.resizedTo(image.width(), image.height()).composite(image, content);
    }

    /** The style image resized to scale x the content width, keeping its aspect ratio (as the reference). */
    static RgbImage scaledStyle(StyleImage style, int contentWidth) {
        return Resampling.toWidth(style.image(), style.widthAt(contentWidth));
    }

    float[] initialImage(RgbImage content, Initialization init, long seed) {
        Random random = new Random(seed);
        float[] mean = weights.normalization().meanRgb();
        int size = content.pixels().length;
        float[] x = new float[size];
        if (init.kind() == Initialization.Kind.NOISE) {
            for (int i = 0; i < size; i++) {
                x[i] = mean[i % 3] + (float) (random.nextGaussian() * 0.256);
            }
            return x;
        }
        RgbImage base = init.kind() == Initialization.Kind.CONTENT ? content
                : Resampling.resize(init.image(), content.width(), content.height());
        float[] px = base.pixels();
        double r = init.noiseBlend();
        double sigma = 0.1 * standardDeviation(px);
        for (int i = 0; i < size; i++) {
            double centred = px[i] - mean[i % 3];
            double noise = r == 0 ? 0 : random.nextGaussian() * sigma;
            x[i] = (float) (mean[i % 3] + centred * (1 - r) + noise * r);
        }
        return x;
    }

    private static double standardDeviation(float[] v) {
        double sum = 0;
        double sq = 0;
        for (float f : v) {
            sum += f;
            sq += (double) f * f;
        }
        double mean = sum / v.length;
        return Math.sqrt(Math.max(0, sq / v.length - mean * mean));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
