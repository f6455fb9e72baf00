package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The style loss, the paper's equation 2 generalised to any style statistics: w_s * sum_i s_i * sum_l v_l *
 * d(stat_l(x), stat_{l,i}), over style layers l (weights v_l) and style images i (blend weights s_i). With the
 * Gram matrix and squared error this is the paper's; a loss that blends styles ({@link StyleLoss#blendsStyles})
 * has one target, the styles' statistics blended, with weight 1.
 */
final class StyleTerm implements LossTerm {

    private final StyleLoss statistics;
    private final double[] blend;
    private final int layerCount;
    /** The statistics of the target image (a style image), every layer's in order: what a style gives. */
    private final List<Operand<TFloat32>> targetStatistics = new ArrayList<>();
    /** The same over a part of the target image ({@link #targetPart}): Gram matrices over it; empty for W2. */
    private final List<Operand<TFloat32>> targetPartStatistics = new ArrayList<>();
    /** The part of the target image its statistics are taken over, [1, H, W, 1] at the image's size. */
    private final Placeholder<TFloat32> targetPart;
    /** One set of targets per term: per style, or one blended. */
    private final List<FedTargets> styleTargets = new ArrayList<>();
    /** With regions: per style, its region at every style layer's resolution; else empty. */
    private final List<FedTargets> regionInputs = new ArrayList<>();
    /** The style layers' feature sizes (height, width), in layer order: what a region is resized to. */
    private final List<long[]> layerSizes = new ArrayList<>();
    private final Operand<TFloat32> value;

    /**
     * @param features       the image's features, at least at the style layers
     * @param targetFeatures the same network's features of the target image, from which style targets are taken
     */
    StyleTerm(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Operand<TFloat32>> targetFeatures,
              Map<String, Integer> channels, Map<String, Double> layers, double[] blend, double weight,
              StyleLoss statistics, boolean regions) {
        this.statistics = statistics;
        this.blend = blend.clone();
        this.layerCount = layers.size();
        targetPart = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE,
                Shape.UNKNOWN_SIZE, 1)));
        if (statistics instanceof GramStyleLoss) {
            for (String layer : layers.keySet()) {
                Operand<TFloat32> f = targetFeatures.get(layer);
                Operand<TInt32> size = tf.stridedSlice(tf.shape(f), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                        tf.constant(new int[] {1}));
                targetPartStatistics.add(Losses.regionGram(tf, f, tf.image.resizeBilinear(targetPart, size),
                        channels.get(layer)));
            }
        }
        if (regions) {
            for (String layer : layers.keySet()) {
                targetStatistics.addAll(statistics.statistics(tf, targetFeatures.get(layer), channels.get(layer)));
                Shape shape = features.get(layer).shape();
                layerSizes.add(new long[] {shape.size(1), shape.size(2)});
            }
            value = Losses.scaled(tf, regionTerms(tf, features, channels, layers), weight);
            return;
        }
        List<List<Operand<TFloat32>>> imageStatistics = new ArrayList<>();
        for (String layer : layers.keySet()) {
            imageStatistics.add(statistics.statistics(tf, features.get(layer), channels.get(layer)));
            targetStatistics.addAll(statistics.statistics(tf, targetFeatures.get(layer), channels.get(layer)));
        }
        int terms = statistics.blendsStyles() ? 1 : blend.length;
        List<Operand<TFloat32>> perTerm = new ArrayList<>();
        List<Double> termWeights = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            FedTargets targets = new FedTargets();
            List<Operand<TFloat32>> perLayer = new ArrayList<>();
            for (List<Operand<TFloat32>> image : imageStatistics) {
                List<Operand<TFloat32>> style = new ArrayList<>();
                for (Operand<TFloat32> statistic : image) {
                    style.add(targets.add(tf, statistic.shape()));
                }
                perLayer.add(statistics.distance(tf, image, style));
            }
            styleTargets.add(targets);
            perTerm.add(Losses.weightedSum(tf, perLayer, List.copyOf(layers.values())));
            termWeights.add(statistics.blendsStyles() ? 1.0 : blend[i]);
        }
        value = Losses.scaled(tf, Losses.weightedSum(tf, perTerm, termWeights), weight);
    }

    /**
     * Each style over its own region (Gatys et al. 2017): sum_i b_i * n * sum_l v_l * mean(m_il) * mse(G_il, A_il),
     * G_il the image's Gram matrix over style i's region m_il at layer l, A_il the style's. Weighting each region by
     * its coverage makes a style as strong in its region, pixel for pixel, as a single style is over the whole image
     * (the region's Gram matrix is normalised by its area); the blend weights b_i (normalised to sum 1) times the n
     * styles scale the styles against each other, 1 each by default.
     */
    private Operand<TFloat32> regionTerms(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Integer> channels,
                                          Map<String, Double> layers) {
        List<Operand<TFloat32>> perStyle = new ArrayList<>();
        List<Double> styleWeights = new ArrayList<>();
        for (int i = 0; i < blend.length; i++) {
            FedTargets targets = new FedTargets();
            FedTargets region = new FedTargets();
            List<Operand<TFloat32>> perLayer = new ArrayList<>();
            int k = 0;
            for (String layer : layers.keySet()) {
                long[] size = layerSizes.get(k++);
                Operand<TFloat32> mask = region.add(tf, Shape.of(1, size[0], size[1], 1));
                Operand<TFloat32> gram = Losses.regionGram(tf, features.get(layer), mask, channels.get(layer));
                Operand<TFloat32> style = targets.add(tf, gram.shape());
                perLayer.add(tf.math.mul(Losses.meanOfAll(tf, mask), Losses.meanSquaredError(tf, gram, style)));
            }
            styleTargets.add(targets);
            regionInputs.add(region);
            perStyle.add(Losses.weightedSum(tf, perLayer, List.copyOf(layers.values())));
            styleWeights.add(blend[i] * blend.length);
        }
        return Losses.weightedSum(tf, perStyle, styleWeights);
    }

    /** True for a term built with regions: {@link #setRegions} must be called before it is evaluated. */
    boolean hasRegions() {
        return !regionInputs.isEmpty();
    }

    /** The style layers' feature sizes (height, width), in layer order. */
    List<long[]> layerSizes() {
        return layerSizes;
    }

    /**
     * Where each style is painted: per style, its region at every style layer, in layer order, each of that layer's
     * size ({@link #layerSizes}).
     */
    void setRegions(List<List<StyleRegion>> perStyle) {
        if (!hasRegions()) {
            throw new IllegalStateException("this loss was built without style regions");
        }
        if (perStyle.size() != blend.length) {
            throw new IllegalArgumentException(perStyle.size() + " regions for " + blend.length + " styles");
        }
        for (int i = 0; i < perStyle.size(); i++) {
            List<TFloat32> perLayer = new ArrayList<>();
            for (StyleRegion atLayer : perStyle.get(i)) {
                perLayer.add(Tensors.of(atLayer.weights(), 1, atLayer.height(), atLayer.width(), 1));
            }
            regionInputs.get(i).set(perLayer);
        }
    }

    /** What to compute of each style image (fed as the target image): its statistics, every layer's in order. */
    List<Operand<TFloat32>> targetStatistics() {
        return targetStatistics;
    }

    /**
     * The same over a part of the style image fed as {@link #targetPart} (Gram matrices over a region, Gatys et al.
     * 2017: the region resized to each layer); empty where the statistics have no such form (W2).
     */
    List<Operand<TFloat32>> targetPartStatistics() {
        return targetPartStatistics;
    }

    Placeholder<TFloat32> targetPart() {
        return targetPart;
    }

    /**
     * The style images' statistics, one list per style in {@link #targetStatistics} order; this term owns the
     * tensors from now on. A loss that blends styles blends them here into its one target.
     */
    void setStyleStatistics(List<List<TFloat32>> perStyle) {
        if (perStyle.size() != blend.length) {
            perStyle.forEach(s -> s.forEach(Tensor::close));
            throw new IllegalArgumentException(perStyle.size() + " style images for " + blend.length + " blend weights");
        }
        if (!statistics.blendsStyles()) {
            for (int i = 0; i < perStyle.size(); i++) {
                styleTargets.get(i).set(perStyle.get(i));
            }
            return;
        }
        styleTargets.get(0).set(blended(perStyle));
    }

    private List<TFloat32> blended(List<List<TFloat32>> perStyle) {
        List<List<float[]>> values = new ArrayList<>();
        for (List<TFloat32> tensors : perStyle) {
            values.add(tensors.stream().map(Tensors::toArray).toList());
        }
        List<long[]> shapes = perStyle.get(0).stream().map(Tensors::shape).toList();
        perStyle.forEach(s -> s.forEach(Tensor::close));
        List<TFloat32> blended = new ArrayList<>();
        int perLayer = values.get(0).size() / layerCount;
        for (int start = 0; start < values.get(0).size(); start += perLayer) {
            List<List<float[]>> layerValues = new ArrayList<>();
            for (List<float[]> style : values) {
                layerValues.add(style.subList(start, start + perLayer));
            }
            List<float[]> mixed = statistics.blend(layerValues, blend);
            for (int k = 0; k < perLayer; k++) {
                blended.add(Tensors.of(mixed.get(k), shapes.get(start + k)));
            }
        }
        return blended;
    }

    @Override
    public String name() {
        return LossTerms.STYLE;
    }

    @Override
    public Operand<TFloat32> value() {
        return value;
    }

    @Override
    public boolean ready() {
        return styleTargets.stream().allMatch(FedTargets::isSet) && regionInputs.stream().allMatch(FedTargets::isSet);
    }

    @Override
    public void feed(Session.Runner runner) {
        styleTargets.forEach(t -> t.feed(runner));
        regionInputs.forEach(r -> r.feed(runner));
    }

    @Override
    public void close() {
        styleTargets.forEach(FedTargets::close);
        regionInputs.forEach(FedTargets::close);
    }
}
