package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content loss, the paper's equation 1 with mean squared error: w_c * sum_l b_l * mean((F_l - P_l)^2), F_l the
 * image's features at content layer l and P_l the content image's.
 */
final class ContentTerm extends FedTerm {


    /** Over the given layers and their weights b_l; features holds the image's features at least at those. */
    ContentTerm(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Double> layers, double weight) {
        super(LossTerms.CONTENT);
        List<Operand<TFloat32>> perLayer = new ArrayList<>();
        for (String layer : layers.keySet()) {
            Operand<TFloat32> f = features.get(layer);
            perLayer.add(Losses.meanSquaredError(tf, f, fed.add(tf, f.shape())));
        }
        value(Losses.scaled(tf, Losses.weightedSum(tf, perLayer, List.copyOf(layers.values())), weight));
    }

    /** The content image's features at each layer, in the layers' order; this term owns them from now on. */
    void setContentFeatures(List<TFloat32> features) {
        fed.set(features);
    }





}
