package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content loss, the paper's equation 1 with mean squared error: w_c * sum_l b_l * mean((F_l - P_l)^2), F_l the
 * image's features at content layer l and P_l the content image's. A sum over positions: per layer the part's
 * squared errors, divided by the whole image's H_l W_l C_l.
 */
final class ContentTerm extends SummedTerm {

    private final Map<String, Double> layers;
    private final List<String> layerOrder;
    private final Extent extent;
    private final double weight;
    /** The content image's features at each layer, laid over the image. */
    private final List<LaidInput> contentFeatures = new ArrayList<>();
    private final List<Long> channels = new ArrayList<>();

    /** Over the given layers and their weights b_l, on an image of that extent. */
    ContentTerm(Map<String, Double> layers, Extent extent, double weight) {
        super(LossTerms.CONTENT);
        this.layers = Map.copyOf(layers);
        this.extent = extent;
        this.weight = weight;
        this.layerOrder = List.copyOf(layers.keySet());
        layerOrder.forEach(extent::positionsAt); // every layer's size is known
    }

    @Override
    List<Operand<TFloat32>> sums(Ops tf, ImagePart part) {
        List<Operand<TFloat32>> sums = new ArrayList<>();
        for (String layer : layerOrder) {
            Operand<TFloat32> f = part.features(layer);
            int c = (int) f.shape().size(3);
            LaidInput target = part.laidAt(layer, c);
            contentFeatures.add(target);
            channels.add((long) c);
            sums.add(sumOfAll(tf, tf.math.squaredDifference(f, target.operand())));
        }
        return sums;
    }

    @Override
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
        List<Operand<TFloat32>> perLayer = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int k = 0; k < layerOrder.size(); k++) {
            long values = extent.positionsAt(layerOrder.get(k)) * channels.get(k);
            perLayer.add(tf.math.div(sums.get(k), tf.constant((float) values)));
            weights.add(layers.get(layerOrder.get(k)));
        }
        return Losses.scaled(tf, Losses.weightedSum(tf, perLayer, weights), weight);
    }

    /** The content image's features at each layer, in the layers' order; this term owns them from now on. */
    void setContentFeatures(List<TFloat32> features) {
        for (int k = 0; k < features.size(); k++) {
            contentFeatures.get(k).set(features.get(k));
        }
    }

    /** The same as values in row-major order, [H_l, W_l, C_l] each. */
    void setContentValues(List<float[]> features) {
        for (int k = 0; k < features.size(); k++) {
            contentFeatures.get(k).set(features.get(k));
        }
    }

    @Override
    public boolean ready() {
        return contentFeatures.stream().allMatch(LaidInput::isSet);
    }
}
