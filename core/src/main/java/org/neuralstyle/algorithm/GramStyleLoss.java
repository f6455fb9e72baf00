package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * The paper's style loss (Gatys et al. 2015, equation 2): mean((G - A)^2) between Gram matrices
 * G = F^T F / (H*W*C). Several styles are separate terms weighted by their blend weights.
 */
final class GramStyleLoss implements StyleLoss {

    @Override
    public boolean blendsStyles() {
        return false;
    }

    @Override
    public List<Operand<TFloat32>> sums(Ops tf, Operand<TFloat32> features, long channels) {
        return List.of(Losses.gramSum(tf, features, channels));
    }

    @Override
    public List<Operand<TFloat32>> statistics(Ops tf, List<Operand<TFloat32>> sums, Operand<TFloat32> positions,
                                              long channels) {
        return List.of(Losses.gramOf(tf, sums.get(0), positions, channels));
    }

    @Override
    public Operand<TFloat32> distance(Ops tf, List<Operand<TFloat32>> image, List<Operand<TFloat32>> style) {
        return Losses.meanSquaredError(tf, image.get(0), style.get(0));
    }

    @Override
    public List<float[]> blend(List<List<float[]>> perStyle, double[] weights) {
        return null;
    }
}
