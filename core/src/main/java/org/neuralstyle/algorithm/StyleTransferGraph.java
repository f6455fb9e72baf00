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
public final class StyleTransferGraph implements AutoCloseable {

    private final GraphSession graph;
    private final LossSpec spec;
    private final int width;
    private final int height;
    private final Placeholder<TFloat32> image;
    private final Placeholder<TFloat32> targetImage;
    private final Map<String, Operand<TFloat32>> targetFeatures;
    private final StyleLoss styleStatistics;
    /** The style statistics of the target image, every layer's in order, flat: what a style image gives. */
    private final List<Operand<TFloat32>> targetStatistics = new ArrayList<>();
    private final List<Placeholder<TFloat32>> contentTargets = new ArrayList<>();
    private final List<List<Placeholder<TFloat32>>> styleTargets = new ArrayList<>();
    private final Operand<TFloat32> contentLoss;
    private final Operand<TFloat32> styleLoss;
    private final Operand<TFloat32> tvLoss;
    private final Operand<TFloat32> temporalLoss;
    private final Placeholder<TFloat32> warpedPrevious;
    private final Placeholder<TFloat32> temporalMask;
    private final Operand<TFloat32> totalLoss;
    private final Output<TFloat32> gradient;
    private final TFloat32 imageTensor;
    private final List<TFloat32> contentTargetTensors = new ArrayList<>();
    private final List<List<TFloat32>> styleTargetTensors = new ArrayList<>();
    private final TFloat32 warpedPreviousTensor;
    private final TFloat32 temporalMaskTensor;

    public StyleTransferGraph(NetworkWeights weights, Pooling pooling, LossSpec spec, int width, int height,
                              EngineSettings engine) {
        this.spec = spec;
        this.width = width;
        this.height = height;
        this.graph = new GraphSession(engine);
        try {
            Ops tf = graph.ops();
            NetworkArchitecture arch = weights.architecture();
            FeatureNetwork network = new FeatureNetwork(tf, weights, pooling);
            Set<String> layers = spec.layers();

            image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 3)));
            targetImage = tf.withName("target_image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
            Map<String, Operand<TFloat32>> features = network.apply(network.seenWhole(image), layers);
            targetFeatures = network.apply(network.seenWhole(targetImage), layers);
            styleStatistics = spec.styleLoss().loss();
            Map<String, List<Operand<TFloat32>>> imageStatistics = new java.util.LinkedHashMap<>();
            for (String layer : spec.styleLayers().keySet()) {
                long channels = arch.outputChannels(layer);
                imageStatistics.put(layer, styleStatistics.statistics(tf, features.get(layer), channels));
                targetStatistics.addAll(styleStatistics.statistics(tf, targetFeatures.get(layer), channels));
            }

            // Content loss: w_c * sum_l b_l * mean((F_l - P_l)^2)   (paper, equation 1)
            List<Operand<TFloat32>> contentTerms = new ArrayList<>();
            for (String layer : spec.contentLayers().keySet()) {
                Operand<TFloat32> f = features.get(layer);
                Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(f.shape()));
                contentTargets.add(p);
                contentTerms.add(Losses.meanSquaredError(tf, f, p));
            }
            contentLoss = Losses.scaled(tf, Losses.weightedSum(tf, contentTerms,
                    List.copyOf(spec.contentLayers().values())), spec.contentWeight());

            // Style loss: w_s * sum_i s_i * sum_l v_l * d(stat_l(x), stat_{l,i})   (paper, equation 2, with d the
            // squared error of Gram matrices); a loss that blends styles has one term of weight 1.
            int terms = styleStatistics.blendsStyles() ? 1 : spec.styleCount();
            List<Operand<TFloat32>> perTerm = new ArrayList<>();
            List<Double> termWeights = new ArrayList<>();
            for (int i = 0; i < terms; i++) {
                List<Placeholder<TFloat32>> targets = new ArrayList<>();
                List<Operand<TFloat32>> layerTerms = new ArrayList<>();
                for (List<Operand<TFloat32>> statistics : imageStatistics.values()) {
                    List<Operand<TFloat32>> layerTargets = new ArrayList<>();
                    for (Operand<TFloat32> statistic : statistics) {
                        Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(statistic.shape()));
                        targets.add(a);
                        layerTargets.add(a);
                    }
                    layerTerms.add(styleStatistics.distance(tf, statistics, layerTargets));
                }
                styleTargets.add(targets);
                perTerm.add(Losses.weightedSum(tf, layerTerms, List.copyOf(spec.styleLayers().values())));
                termWeights.add(terms == 1 && styleStatistics.blendsStyles() ? 1.0 : spec.styleBlend()[i]);
            }
            styleLoss = Losses.scaled(tf, Losses.weightedSum(tf, perTerm, termWeights), spec.styleWeight());

            tvLoss = Losses.scaled(tf, Losses.totalVariation(tf, image, height, width, 3), spec.tvWeight());

            // Temporal loss: w_t * mean(c * (x - warp(x_prev))^2)   (Ruder et al. 2016, the short-term temporal loss)
            if (spec.hasTemporalTerm()) {
                warpedPrevious = tf.withName("warped_previous").placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(1, height, width, 3)));
                temporalMask = tf.withName("temporal_mask").placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(1, height, width, 1)));
                temporalLoss = Losses.scaled(tf, Losses.temporal(tf, image, warpedPrevious, temporalMask),
                        spec.temporalWeight());
                warpedPreviousTensor = TFloat32.tensorOf(Shape.of(1, height, width, 3));
                temporalMaskTensor = TFloat32.tensorOf(Shape.of(1, height, width, 1));
                clearTemporalTarget(); // new tensors hold whatever was in memory
            } else {
                warpedPrevious = null;
                temporalMask = null;
                temporalLoss = tf.constant(0f);
                warpedPreviousTensor = null;
                temporalMaskTensor = null;
            }
            totalLoss = tf.withName("total_loss").math.add(tf.math.add(tf.math.add(contentLoss, styleLoss), tvLoss),
                    temporalLoss);
            gradient = tf.gradients(totalLoss, List.of(image)).dy(0);
            imageTensor = TFloat32.tensorOf(Shape.of(1, height, width, 3));
        } catch (RuntimeException e) {
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
        return spec.hasTemporalTerm();
    }

    /** Takes the content targets from a content image of this graph's size. */
    public void setContent(RgbImage content) {
        if (content.width() != width || content.height() != height) {
            throw new IllegalArgumentException("content image is " + content.width() + "x" + content.height()
                    + ", graph is " + width + "x" + height);
        }
        closeAll(contentTargetTensors);
        contentTargetTensors.addAll(runTargets(content, spec.contentLayers().keySet().stream()
                .map(targetFeatures::get).toList()));
    }

    /**
     * Takes the style targets from the style images (any size), one per blend weight: each style's statistics,
     * or, for a loss that blends styles, their blend.
     */
    public void setStyles(List<RgbImage> styles) {
        if (styles.size() != spec.styleCount()) {
            throw new IllegalArgumentException(styles.size() + " style images for " + spec.styleCount() + " blend weights");
        }
        styleTargetTensors.forEach(StyleTransferGraph::closeAll);
        styleTargetTensors.clear();
        for (RgbImage style : styles) {
            styleTargetTensors.add(runTargets(style, targetStatistics));
        }
        if (styleStatistics.blendsStyles()) {
            List<List<float[]>> values = new ArrayList<>();
            for (List<TFloat32> tensors : styleTargetTensors) {
                values.add(tensors.stream().map(Tensors::toArray).toList());
            }
            List<long[]> shapes = styleTargetTensors.get(0).stream().map(Tensors::shape).toList();
            styleTargetTensors.forEach(StyleTransferGraph::closeAll);
            styleTargetTensors.clear();
            List<TFloat32> blended = new ArrayList<>();
            int perLayer = values.get(0).size() / spec.styleLayers().size();
            for (int start = 0; start < values.get(0).size(); start += perLayer) {
                List<List<float[]>> layerValues = new ArrayList<>();
                for (List<float[]> style : values) {
                    layerValues.add(style.subList(start, start + perLayer));
                }
                List<float[]> mixed = styleStatistics.blend(layerValues, spec.styleBlend());
                for (int k = 0; k < perLayer; k++) {
                    blended.add(Tensors.of(mixed.get(k), shapes.get(start + k)));
                }
            }
            styleTargetTensors.add(blended);
        }
    }

    /**
     * Holds the image to the previous frame's stylized image warped into this one, with a weight per pixel
     * (0..1, row-major); an all-zero mask removes the term. Only for a graph built with a temporal weight.
     */
    public void setTemporalTarget(RgbImage warped, float[] mask) {
        if (!spec.hasTemporalTerm()) {
            throw new IllegalStateException("this graph was built without a temporal term");
        }
        if (warped.width() != width || warped.height() != height || mask.length != width * height) {
            throw new IllegalArgumentException("temporal target is " + warped.width() + "x" + warped.height()
                    + " with " + mask.length + " weights, graph is " + width + "x" + height);
        }
        Tensors.write(warpedPreviousTensor, warped.pixels());
        Tensors.write(temporalMaskTensor, mask);
    }

    /** Removes the temporal term (an all-zero mask), as for a video's first frame. */
    public void clearTemporalTarget() {
        if (!spec.hasTemporalTerm()) {
            throw new IllegalStateException("this graph was built without a temporal term");
        }
        Tensors.write(warpedPreviousTensor, new float[height * width * 3]);
        Tensors.write(temporalMaskTensor, new float[height * width]);
    }

    /** The loss at the image (RGB 0..255, row-major H x W x 3); writes d(total)/d(pixel) into gradientOut. */
    public LossTerms evaluate(float[] pixels, float[] gradientOut) {
        if (contentTargetTensors.isEmpty() && !spec.contentLayers().isEmpty()
                || styleTargetTensors.size() != styleTargets.size()) {
            throw new IllegalStateException("set the content and style targets before evaluating");
        }
        Tensors.write(imageTensor, pixels);
        Session.Runner runner = graph.session().runner().feed(image, imageTensor);
        for (int k = 0; k < contentTargets.size(); k++) {
            runner.feed(contentTargets.get(k), contentTargetTensors.get(k));
        }
        for (int i = 0; i < styleTargets.size(); i++) {
            for (int k = 0; k < styleTargets.get(i).size(); k++) {
                runner.feed(styleTargets.get(i).get(k), styleTargetTensors.get(i).get(k));
            }
        }
        if (spec.hasTemporalTerm()) {
            runner.feed(warpedPrevious, warpedPreviousTensor).feed(temporalMask, temporalMaskTensor);
        }
        runner.fetch(contentLoss).fetch(styleLoss).fetch(tvLoss).fetch(temporalLoss).fetch(totalLoss);
        if (gradientOut != null) {
            runner.fetch(gradient);
        }
        try (Result result = runner.run()) {
            if (gradientOut != null) {
                Tensors.copyTo(result.get(5), gradientOut);
            }
            return new LossTerms(Tensors.scalar(result.get(0)), Tensors.scalar(result.get(1)),
                    Tensors.scalar(result.get(2)), Tensors.scalar(result.get(3)), Tensors.scalar(result.get(4)));
        }
    }

    /** The given target-side operations for one image, copied out as tensors this graph owns. */
    private List<TFloat32> runTargets(RgbImage img, List<Operand<TFloat32>> operations) {
        Session.Runner runner = graph.session().runner();
        List<TFloat32> out = new ArrayList<>();
        try (TFloat32 input = Tensors.of(img.pixels(), 1, img.height(), img.width(), 3)) {
            runner.feed(targetImage, input);
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

    private static void closeAll(List<TFloat32> tensors) {
        tensors.forEach(Tensor::close);
        tensors.clear();
    }

    @Override
    public void close() {
        closeAll(contentTargetTensors);
        styleTargetTensors.forEach(StyleTransferGraph::closeAll);
        imageTensor.close();
        if (warpedPreviousTensor != null) {
            warpedPreviousTensor.close();
            temporalMaskTensor.close();
        }
        graph.close();
    }
}
