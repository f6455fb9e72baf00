package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;
import java.util.Locale;

/**
 * How a style is described at one layer and how far an image is from it: the statistics taken of the
 * features (computed in the graph for the image and, once, for each style image) and the distance between an
 * image's statistics and the style's.
 */
public interface StyleLoss {

    /** The statistics of features [1, H, W, C]: the Gram matrix; or the mean and the covariance. */
    List<Operand<TFloat32>> statistics(Ops tf, Operand<TFloat32> features, long channels);

    /** The distance between an image's statistics and the style's, given as tensors of the same shapes. */
    Operand<TFloat32> distance(Ops tf, List<Operand<TFloat32>> image, List<Operand<TFloat32>> style);

    /** True where several styles are blended into one target ({@link #blend}); false: one term per style. */
    boolean blendsStyles();

    /**
     * Several styles: null where each style is its own term, weighted by its blend weight (the paper's Gram loss);
     * else the styles' statistics (per style, per statistic, flat values) blended into one target.
     */
    List<float[]> blend(List<List<float[]>> perStyle, double[] weights);

    /** The style statistics users choose with {@code --style-loss}. */
    enum Kind {
        GRAM(new GramStyleLoss()), WASSERSTEIN(new WassersteinStyleLoss());

        private final StyleLoss loss;

        Kind(StyleLoss loss) {
            this.loss = loss;
        }

        public StyleLoss loss() {
            return loss;
        }

        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.optionName().equals(name.toLowerCase(Locale.ROOT)) || k == WASSERSTEIN && name.equalsIgnoreCase("w2")) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown style loss '" + name + "' (use gram or wasserstein)");
        }
    }
}
