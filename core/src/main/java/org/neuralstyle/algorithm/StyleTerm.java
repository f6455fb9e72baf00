package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.neuralstyle.network.NetworkArchitecture;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The style loss, the paper's equation 2 generalised to any style statistics: w_s * sum_i s_i * sum_l v_l *
 * d(stat_l(x), stat_{l,i}), over style layers l (weights v_l) and style images i (blend weights s_i). With the
 * Gram matrix and squared error this is the paper's; a loss that blends styles ({@link StyleLoss#blendsStyles})
 * has one target, the styles' statistics blended, with weight 1. The statistics are made of sums over positions
 * ({@link StyleLoss#sums}), so this is a {@link SummedTerm}: whole or tile by tile, the same formula.
 */
final class StyleTerm extends SummedTerm {

    private final StyleLoss statistics;
    private final double[] blend;
    private final Map<String, Double> layers;
    private final List<String> layerOrder;
    private final Map<String, Integer> channels;
    private final Extent extent;
    private final double weight;
    private final boolean regions;
    /** How many sums each layer's statistics take, as {@link #sums} built them. */
    private int sumsPerLayer;
    /** One set of targets per term: per style, or one blended. */
    private final List<FedTargets> styleTargets = new ArrayList<>();
    /** With regions: per style, its region at every style layer, laid over the image; else empty. */
    private final List<List<LaidInput>> regionInputs = new ArrayList<>();

    /**
     * @param channels the style layers' channel counts
     * @param regions  whether each style is painted in a region of its own ({@link #setRegions})
     */
    StyleTerm(Map<String, Integer> channels, Map<String, Double> layers, double[] blend, double weight,
              StyleLoss statistics, boolean regions, Extent extent) {
        super(LossTerms.STYLE);
        this.statistics = statistics;
        this.blend = blend.clone();
        this.layers = new LinkedHashMap<>(layers);
        this.layerOrder = List.copyOf(layers.keySet());
        this.channels = Map.copyOf(channels);
        this.extent = extent;
        this.weight = weight;
        this.regions = regions;
        layerOrder.forEach(extent::positionsAt); // every layer's size is known
    }

    /** Per layer the statistics' sums; with regions, per style and layer the region's Gram sums and its area. */
    @Override
    List<Operand<TFloat32>> sums(Ops tf, ImagePart part) {
        List<Operand<TFloat32>> sums = new ArrayList<>();
        if (regions) {
            for (int i = 0; i < blend.length; i++) {
                List<LaidInput> perLayer = new ArrayList<>();
                for (String layer : layerOrder) {
                    LaidInput region = part.laidAt(layer, 1);
                    perLayer.add(region);
                    sums.addAll(Losses.regionGramSums(tf, part.features(layer), region.operand(), channels.get(layer)));
                }
                regionInputs.add(perLayer);
            }
            return sums;
        }
        for (String layer : layerOrder) {
            List<Operand<TFloat32>> layerSums = statistics.sums(tf, part.features(layer), channels.get(layer));
            sumsPerLayer = layerSums.size();
            sums.addAll(layerSums);
        }
        return sums;
    }

    @Override
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
        if (regions) {
            return Losses.scaled(tf, regionTerms(tf, sums), weight);
        }
        List<List<Operand<TFloat32>>> imageStatistics = new ArrayList<>();
        for (int l = 0; l < layerOrder.size(); l++) {
            String layer = layerOrder.get(l);
            imageStatistics.add(statistics.statistics(tf, sums.subList(l * sumsPerLayer, (l + 1) * sumsPerLayer),
                    tf.constant((float) extent.positionsAt(layer)), channels.get(layer)));
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
        return Losses.scaled(tf, Losses.weightedSum(tf, perTerm, termWeights), weight);
    }

    /**
     * Each style over its own region (Gatys et al. 2017): sum_i b_i * n * sum_l v_l * mean(m_il) * mse(G_il, A_il),
     * G_il the image's Gram matrix over style i's region m_il at layer l, A_il the style's. Weighting each region by
     * its coverage makes a style as strong in its region, pixel for pixel, as a single style is over the whole image
     * (the region's Gram matrix is normalised by its area); the blend weights b_i (normalised to sum 1) times the n
     * styles scale the styles against each other, 1 each by default.
     */
    private Operand<TFloat32> regionTerms(Ops tf, List<Operand<TFloat32>> sums) {
        List<Operand<TFloat32>> perStyle = new ArrayList<>();
        List<Double> styleWeights = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < blend.length; i++) {
            FedTargets targets = new FedTargets();
            List<Operand<TFloat32>> perLayer = new ArrayList<>();
            for (String layer : layerOrder) {
                Operand<TFloat32> area = sums.get(k + 1);
                Operand<TFloat32> gram = Losses.regionGramOf(tf, sums.get(k), area, channels.get(layer));
                k += 2;
                Operand<TFloat32> style = targets.add(tf, gram.shape());
                Operand<TFloat32> coverage = tf.math.div(area, tf.constant((float) extent.positionsAt(layer)));
                perLayer.add(tf.math.mul(coverage, Losses.meanSquaredError(tf, gram, style)));
            }
            styleTargets.add(targets);
            perStyle.add(Losses.weightedSum(tf, perLayer, List.copyOf(layers.values())));
            styleWeights.add(blend[i] * blend.length);
        }
        return Losses.weightedSum(tf, perStyle, styleWeights);
    }

    /** The sums of a style image's statistics over one part of it, every layer's in order (no regions). */
    List<Operand<TFloat32>> targetSums(Ops tf, ImagePart part) {
        List<Operand<TFloat32>> sums = new ArrayList<>();
        for (String layer : layerOrder) {
            sums.addAll(statistics.sums(tf, part.features(layer), channels.get(layer)));
        }
        return sums;
    }

    /** A style image's statistics from its {@link #targetSums}, over its positions at each layer. */
    List<Operand<TFloat32>> targetStatistics(Ops tf, List<Operand<TFloat32>> sums,
                                             Map<String, ? extends Operand<TFloat32>> positions) {
        List<Operand<TFloat32>> out = new ArrayList<>();
        int perLayer = sums.size() / layerOrder.size();
        for (int l = 0; l < layerOrder.size(); l++) {
            String layer = layerOrder.get(l);
            out.addAll(statistics.statistics(tf, sums.subList(l * perLayer, (l + 1) * perLayer), positions.get(layer),
                    channels.get(layer)));
        }
        return out;
    }

    /** A style image's statistics from its features [1, H, W, C] at every style layer, in order. */
    List<Operand<TFloat32>> targetStatistics(Ops tf, Map<String, Operand<TFloat32>> features) {
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (String layer : layerOrder) {
            out.addAll(statistics.statistics(tf, features.get(layer), channels.get(layer)));
        }
        return out;
    }

    /**
     * The same over a part of the style image, given as a region [1, H, W, 1] at the image's size (Gram matrices
     * over it, Gatys et al. 2017: the region resized to each layer); empty where the statistics have no such form
     * (W2).
     */
    List<Operand<TFloat32>> targetPartStatistics(Ops tf, Map<String, Operand<TFloat32>> features,
                                                 Operand<TFloat32> part) {
        if (!(statistics instanceof GramStyleLoss)) {
            return List.of();
        }
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (String layer : layerOrder) {
            Operand<TFloat32> f = features.get(layer);
            Operand<TInt32> size = tf.stridedSlice(tf.shape(f), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                    tf.constant(new int[] {1}));
            out.add(Losses.regionGram(tf, f, tf.image.resizeBilinear(part, size), channels.get(layer)));
        }
        return out;
    }

    /** True for a term built with regions: {@link #setRegions} must be called before it is evaluated. */
    boolean hasRegions() {
        return regions;
    }

    /**
     * Where each style is painted: one region per style (null: everywhere), any size, resized to the image and to
     * each style layer's size, where each layer sees it shrunk by half its receptive reach
     * ({@link StyleRegion#atLayer}). Only for a term built with regions.
     */
    void setRegions(List<StyleRegion> regions, NetworkArchitecture architecture) {
        if (!hasRegions()) {
            throw new IllegalStateException("this loss was built without style regions");
        }
        if (regions.size() != blend.length) {
            throw new IllegalArgumentException(regions.size() + " regions for " + blend.length + " styles");
        }
        for (int i = 0; i < regions.size(); i++) {
            StyleRegion region = regions.get(i);
            StyleRegion atImage = region == null ? StyleRegion.everywhere(extent.width(), extent.height())
                    : region.resizedTo(extent.width(), extent.height());
            for (int l = 0; l < layerOrder.size(); l++) {
                String layer = layerOrder.get(l);
                Extent.Size size = extent.at(layer);
                StyleRegion atLayer = atImage.atLayer(architecture.receptiveReach(List.of(layer)), size.columns(),
                        size.rows());
                regionInputs.get(i).get(l).set(Tensors.of(atLayer.weights(), 1, atLayer.height(), atLayer.width(), 1));
            }
        }
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
        int perLayer = values.get(0).size() / layerOrder.size();
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
    public boolean ready() {
        return styleTargets.stream().allMatch(FedTargets::isSet)
                && regionInputs.stream().allMatch(r -> r.stream().allMatch(LaidInput::isSet));
    }

    @Override
    public void feed(Session.Runner runner) {
        styleTargets.forEach(t -> t.feed(runner));
    }

    @Override
    public void close() {
        styleTargets.forEach(FedTargets::close);
    }
}
