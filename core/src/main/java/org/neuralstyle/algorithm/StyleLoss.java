package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.List;
import java.util.Locale;

/**
 * How a style is described at one layer and how far an image is from it: the statistics taken of the
 * features (computed in the graph for the image and, once, for each style image) and the distance between an
 * image's statistics and the style's.
 */
public interface StyleLoss {

    /** Neural neighbours' total-variation weight (a smoothing of the pixels, the same scale on every network). */
    double NEIGHBOURS_TV = 3e-6;
    /** Neural neighbours' Adam step at the start and at the end, in pixel levels. */
    double NEIGHBOURS_LEARNING_RATE = 8;
    double NEIGHBOURS_FINAL_LEARNING_RATE = 1;

    /**
     * The sums over positions the statistics are made of, for features [1, H, W, C]: F^T F for the Gram matrix; the
     * sum of F and F^T F for the mean and the covariance. Sums over the parts of an image add up to the whole's, so
     * the statistics of an image too large to evaluate whole are those of its tiles' sums
     * ({@link TiledStyleTransferGraph}).
     */
    List<Operand<TFloat32>> sums(Ops tf, Operand<TFloat32> features, long channels);

    /** The statistics from the {@link #sums} over an image of that many positions (H x W, as a float scalar). */
    List<Operand<TFloat32>> statistics(Ops tf, List<Operand<TFloat32>> sums, Operand<TFloat32> positions, long channels);

    /** The statistics of features [1, H, W, C]: the Gram matrix; or the mean and the covariance. */
    default List<Operand<TFloat32>> statistics(Ops tf, Operand<TFloat32> features, long channels) {
        Operand<TFloat32> positions = tf.dtypes.cast(tf.math.div(tf.size(features), tf.constant((int) channels)),
                TFloat32.class);
        return statistics(tf, sums(tf, features, channels), positions, channels);
    }

    /** The distance between an image's statistics and the style's, given as tensors of the same shapes. */
    Operand<TFloat32> distance(Ops tf, List<Operand<TFloat32>> image, List<Operand<TFloat32>> style);

    /** True where several styles are blended into one target ({@link #blend}); false: one term per style. */
    boolean blendsStyles();

    /**
     * Several styles: null where each style is its own term, weighted by its blend weight (the paper's Gram loss);
     * else the styles' statistics (per style, per statistic, flat values) blended into one target.
     */
    List<float[]> blend(List<List<float[]>> perStyle, double[] weights);

    /**
     * The style losses users choose with {@code --style-loss}: statistics (Gram, W2) or neural neighbours
     * ({@link NeighbourStyleTerm}), which matches the painting's features location by location instead.
     */
    enum Kind {
        GRAM(new GramStyleLoss()), WASSERSTEIN(new WassersteinStyleLoss()), NEIGHBOURS(null);

        private final StyleLoss loss;

        Kind(StyleLoss loss) {
            this.loss = loss;
        }

        /** The statistics and their distance; neural neighbours have none. */
        public StyleLoss loss() {
            if (loss == null) {
                throw new IllegalStateException(optionName() + " is not a loss of statistics");
            }
            return loss;
        }

        /**
         * The weights that work with this loss on a network that recommends the given ones for Gram matrices.
         * Neural neighbours' cosine distance lies in 0..2 on every network, so its weights are the same for all:
         * no content term (the search keeps the photo's layout, as NNST has none by default), the distance at
         * weight 1, and a light smoothing; Adam's step in pixel levels. Chosen by pictures (docs/neighbours.md).
         */
        public NetworkArchitecture.RecommendedWeights recommended(NetworkArchitecture.RecommendedWeights forGram) {
            if (this != NEIGHBOURS) {
                return forGram;
            }
            return new NetworkArchitecture.RecommendedWeights(0, 1, NEIGHBOURS_TV, NEIGHBOURS_LEARNING_RATE, List.of(),
                    NEIGHBOURS_FINAL_LEARNING_RATE, forGram.iterations(), true, forGram.temporal());
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
            if (name.equalsIgnoreCase("neighbors") || name.equalsIgnoreCase("nnst")) {
                return NEIGHBOURS;
            }
            throw new IllegalArgumentException("unknown style loss '" + name + "' (use gram, wasserstein or neighbours)");
        }
    }
}
