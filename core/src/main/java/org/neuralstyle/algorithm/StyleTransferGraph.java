package org.neuralstyle.algorithm;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.FeatureNetwork;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loss of a generated image of one size, and its gradient with respect to the pixels, as one
 * TensorFlow graph. The feature network is applied twice: to the generated image (fixed size) and to a
 * target input of any size, from which the content features and style Gram matrices are taken once.
 * Targets are then fed back as inputs, so a new content image (a video frame) needs no new graph.
 *
 * <p>Owns every native resource it uses; close it when done.
 */
public final class StyleTransferGraph implements ImageLoss {

    private final GraphSession graph;
    private final LossSpec spec;
    private final NetworkArchitecture architecture;
    private final int width;
    private final int height;
    private final Placeholder<TFloat32> image;
    private final Placeholder<TFloat32> targetImage;
    private final Map<String, Operand<TFloat32>> targetFeatures;
    /** What a style image gives the statistics style term: its statistics, and those over a part of it. */
    private final List<Operand<TFloat32>> targetStatistics;
    private final List<Operand<TFloat32>> targetPartStatistics;
    /** The part of a style image its statistics are taken over, [1, H, W, 1] at the style image's size. */
    private final Placeholder<TFloat32> targetPart;
    /** The image as the one part the summed terms sum over, with the inputs they lay over it. */
    private final WholeImage whole;
    /** The feature MSE content term, or null under self-similarity. */
    private final ContentTerm content;
    /** The self-similarity content term, or null. */
    private final SelfSimilarityTerm selfSimilarity;
    /** The statistics style term (Gram, W2), or null under neural neighbours. */
    private final StyleTerm style;
    /** The neural-neighbour style term and the search for its targets, or null. */
    private final NeighbourStyleTerm neighbours;
    private final NeighbourStyle neighbourStyle;
    /** The hypercolumns of the target input, for the neighbours' search; null without neighbours. */
    private final Operand<TFloat32> targetHypercolumns;
    private final TemporalTerm temporal;
    /** Every term, in the order {@link LossTerms} lists them: content, style, tv, temporal where there is one, then the options' own. */
    private final List<LossTerm> terms = new ArrayList<>();
    private final Operand<TFloat32> totalLoss;
    private final Output<TFloat32> gradient;
    private final TFloat32 imageTensor;
    /** The styles' regions together, at this graph's size; null: everywhere. */
    private StyleRegion painted;

    public StyleTransferGraph(NetworkWeights weights, Pooling pooling, LossSpec spec, int width, int height,
                              EngineSettings engine) {
        this.spec = spec;
        this.architecture = weights.architecture();
        this.width = width;
        this.height = height;
        this.graph = new GraphSession(engine);
        try {
            Ops tf = graph.ops();
            NetworkArchitecture arch = weights.architecture();
            FeatureNetwork network = new FeatureNetwork(tf, weights, pooling, engine.precision());
            Set<String> layers = spec.layers();

            image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 3)));
            targetImage = tf.withName("target_image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
            targetPart = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE,
                    Shape.UNKNOWN_SIZE, 1)));
            Map<String, Operand<TFloat32>> features = network.apply(network.seenWhole(image), layers);
            targetFeatures = network.apply(network.seenWhole(targetImage), layers);
            Map<String, Integer> channels = new LinkedHashMap<>();
            spec.styleLayers().keySet().forEach(layer -> channels.put(layer, arch.outputChannels(layer)));
            whole = new WholeImage(tf, image, features);
            Extent extent = whole.extent();

            SummedTerms summed = new SummedTerms(spec, extent, arch);
            summed.all().forEach(term -> term.buildWhole(tf, whole));
            content = summed.content;
            selfSimilarity = content != null ? null
                    : new SelfSimilarityTerm(tf, image, width, height, spec.contentWeight());
            style = summed.style;
            neighbours = summed.neighbours;
            temporal = summed.temporal;
            if (style == null) {
                neighbourStyle = new NeighbourStyle(neighbours, new NeighbourTargets(tf, spec.styleLayers(), channels,
                        spec.styleBlend(), width, height, engine.precision()), this::hypercolumnsOf, graph.session());
                targetHypercolumns = neighbours.hypercolumnsOf(tf, targetFeatures, targetImage);
                targetStatistics = List.of();
                targetPartStatistics = List.of();
            } else {
                neighbourStyle = null;
                targetHypercolumns = null;
                targetStatistics = style.targetStatistics(tf, targetFeatures);
                targetPartStatistics = style.targetPartStatistics(tf, targetFeatures, targetPart);
            }
            terms.add(content != null ? content : selfSimilarity);
            terms.add(style != null ? style : neighbours);
            terms.addAll(summed.others);
            for (ImageTerm term : spec.imageTerms()) {
                terms.add(imageTerm(term, term.value(tf, image, width, height)));
            }
            Operand<TFloat32> sum = tf.constant(0f);
            for (LossTerm term : terms) {
                sum = tf.math.add(sum, term.value());
            }
            totalLoss = tf.withName("total_loss").identity(sum);
            gradient = tf.gradients(totalLoss, List.of(image)).dy(0);
            imageTensor = TFloat32.tensorOf(Shape.of(1, height, width, 3));
        } catch (RuntimeException e) {
            terms.forEach(LossTerm::close); // nothing laid over the image is set yet
            graph.close();
            throw e;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean hasTemporalTerm() {
        return temporal != null;
    }

    /** Takes the content targets from a content image of this graph's size. */
    public void setContent(RgbImage contentImage) {
        if (contentImage.width() != width || contentImage.height() != height) {
            throw new IllegalArgumentException("content image is " + contentImage.width() + "x" + contentImage.height()
                    + ", graph is " + width + "x" + height);
        }
        if (selfSimilarity != null) {
            selfSimilarity.setContent(contentImage);
        } else {
            content.setContentFeatures(runTargets(contentImage, spec.contentLayers().keySet().stream()
                    .map(targetFeatures::get).toList()));
        }
        if (neighbourStyle != null) {
            neighbourStyle.setPhoto(contentImage);
        }
    }

    /**
     * Neural neighbours search their targets from the image the optimisation starts at, mixed with the content
     * image ({@link NeighbourStyle#startFrom}); a loss of fixed targets ignores it.
     */
    @Override
    public void startFrom(float[] pixels) {
        if (neighbourStyle != null) {
            neighbourStyle.startFrom(pixels);
        }
    }

    /**
     * Takes the style targets from the style images (any size), one per blend weight: each style's statistics,
     * or, for a loss that blends styles, their blend.
     */
    @Override
    public void setStyles(List<RgbImage> styles) {
        setStyles(styles, java.util.Collections.nCopies(styles.size(), null));
    }

    /**
     * The same, each style learnt only from a part of it where one is given (a region on the style image, any size;
     * null: all of it): Gram matrices over that part, or neighbours only from it. Not for W2.
     */
    public void setStyles(List<RgbImage> styles, List<StyleRegion> parts) {
        if (styles.size() != spec.styleCount()) {
            throw new IllegalArgumentException(styles.size() + " style images for " + spec.styleCount() + " blend weights");
        }
        if (neighbours != null) {
            neighbourStyle.setStyles(styles, parts);
            return;
        }
        List<List<TFloat32>> perStyle = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            RgbImage s = styles.get(i);
            StyleRegion part = parts.get(i);
            if (part != null && targetPartStatistics.isEmpty()) {
                throw new IllegalArgumentException("a part of a style image needs the gram or neighbours style loss");
            }
            perStyle.add(part == null ? runTargets(s, targetStatistics)
                    : runTargets(s, targetPartStatistics, targetPart, part.resizedTo(s.width(), s.height())));
        }
        style.setStyleStatistics(perStyle);
    }

    /**
     * Where each style is painted: one region per style (null: everywhere), any size, resized to this graph's
     * image and to each style layer. Only for a graph built with style regions ({@link LossSpec#withStyleRegions}).
     */
    public void setStyleRegions(List<StyleRegion> regions) {
        painted = StyleRegion.painted(regions, width, height);
        if (neighbours != null) {
            neighbourStyle.setRegions(regions);
            return;
        }
        style.setRegions(regions, architecture);
    }

    @Override
    public StyleRegion painted() {
        return painted;
    }

    /**
     * Holds the image to the previous frame's stylized image warped into this one, with a weight per pixel
     * (0..1, row-major); an all-zero mask removes the term. Only for a graph built with a temporal weight.
     */
    public void setTemporalTarget(RgbImage warped, float[] mask) {
        requireTemporal().set(warped, mask);
    }

    /** Removes the temporal term (an all-zero mask), as for a video's first frame. */
    public void clearTemporalTarget() {
        requireTemporal().clear();
    }

    private TemporalTerm requireTemporal() {
        if (temporal == null) {
            throw new IllegalStateException("this graph was built without a temporal term");
        }
        return temporal;
    }

    /** The loss at the image (RGB 0..255, row-major H x W x 3); writes d(total)/d(pixel) into gradientOut. */
    public LossTerms evaluate(float[] pixels, float[] gradientOut) {
        if (!terms.stream().allMatch(LossTerm::ready)) {
            throw new IllegalStateException("set the content and style targets (and the start) before evaluating");
        }
        Tensors.write(imageTensor, pixels);
        Session.Runner runner = graph.session().runner().feed(image, imageTensor);
        whole.feed(runner);
        terms.forEach(term -> term.feed(runner));
        terms.forEach(term -> runner.fetch(term.value()));
        runner.fetch(totalLoss);
        if (gradientOut != null) {
            runner.fetch(gradient);
        }
        try (Result result = runner.run()) {
            int n = terms.size();
            if (gradientOut != null) {
                Tensors.copyTo(result.get(n + 1), gradientOut);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                values.put(terms.get(k).name(), (double) Tensors.scalar(result.get(k)));
            }
            return new LossTerms(values, Tensors.scalar(result.get(n)));
        }
    }

    /** A term of the image alone as one of the graph's terms: nothing to feed. */
    private static LossTerm imageTerm(ImageTerm term, Operand<TFloat32> value) {
        return new LossTerm() {
            @Override
            public String name() {
                return term.name();
            }

            @Override
            public Operand<TFloat32> value() {
                return value;
            }
        };
    }

    /** The neighbours' hypercolumns of an image of any size, read out. */
    private float[] hypercolumnsOf(RgbImage img) {
        try (TFloat32 input = Tensors.of(img.pixels(), 1, img.height(), img.width(), 3);
             Result result = graph.session().runner().feed(targetImage, input).fetch(targetHypercolumns)
                     .run()) {
            return Tensors.toArray(result.get(0));
        }
    }

    /** The given target-side operations for one image, copied out as tensors the caller owns. */
    private List<TFloat32> runTargets(RgbImage img, List<Operand<TFloat32>> operations) {
        return runTargets(img, operations, null, null);
    }

    /** The same with a region of the image fed to the given input (none where null). */
    private List<TFloat32> runTargets(RgbImage img, List<Operand<TFloat32>> operations, Placeholder<TFloat32> partInput,
                                      StyleRegion part) {
        Session.Runner runner = graph.session().runner();
        List<TFloat32> out = new ArrayList<>();
        try (TFloat32 input = Tensors.of(img.pixels(), 1, img.height(), img.width(), 3);
             TFloat32 region = part == null ? null : Tensors.of(part.weights(), 1, part.height(), part.width(), 1)) {
            runner.feed(targetImage, input);
            if (part != null) {
                runner.feed(partInput, region);
            }
            for (Operand<TFloat32> op : operations) {
                runner.fetch(op);
            }
            try (Result result = runner.run()) {
                for (int k = 0; k < operations.size(); k++) {
                    Tensor t = result.get(k);
                    out.add(Tensors.of(Tensors.toArray(t), Tensors.shape(t)));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        terms.forEach(LossTerm::close);
        if (neighbourStyle != null) {
            neighbourStyle.close();
        }
        whole.close();
        imageTensor.close();
        graph.close();
    }
}
