package org.neuralstyle.algorithm;

import org.neuralstyle.network.NetworkArchitecture;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hypercolumns (Kolkin et al., "Neural Neighbor Style Transfer", 2022, section 3): the features of several layers
 * at each location of a grid a quarter of the image's size, side by side, [1, H/4, W/4, sum C_l], each layer
 * resized bilinearly with corners aligned (as their {@code phi_cat}). Each layer is divided by its channel count
 * here, as theirs; its share of a cosine distance is then set by {@link #balance}: their division alone leaves it to
 * the network's scale, and SqueezeNet's fire7 outweighs its first ReLU 180 to 1 (mean squared norms on Starry
 * Night), so that only the deep layers were matched and the strokes and colours were left grey.
 */
final class Hypercolumns {

    /** The grid is this many times smaller than the image on each side. */
    static final int STRIDE = 4;

    private Hypercolumns() {
    }

    /** The grid's size for an image of the given side: a quarter, at least 1. */
    static int gridSide(int imageSide) {
        return Math.max(1, imageSide / STRIDE);
    }

    /**
     * The hypercolumns of an image of known size as their layers' blocks, [1, H/4, W/4, C_l] each in the layers'
     * order, not put side by side: the loss sums over them block by block ({@link NeighbourStyleTerm#cosineDistance})
     * without writing and reading the whole hypercolumn again. Strides: each layer's
     * ({@link NetworkArchitecture#stride}).
     */
    static List<Operand<TFloat32>> blocks(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Double> layers,
                                          Map<String, Integer> channels, Map<String, Integer> strides, int width,
                                          int height) {
        return onGrid(tf, features, layers, channels, strides,
                tf.constant(new int[] {gridSide(height), gridSide(width)}));
    }

    /** The hypercolumns of an image [1, H, W, 3] whose size the graph learns when it runs. */
    static Operand<TFloat32> of(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Double> layers,
                                Map<String, Integer> channels, Map<String, Integer> strides, Operand<TFloat32> image) {
        Operand<TInt32> side = tf.stridedSlice(tf.shape(image), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                tf.constant(new int[] {1}));
        Operand<TInt32> grid = tf.math.maximum(tf.math.floorDiv(side, tf.constant(STRIDE)), tf.constant(1));
        return tf.concat(onGrid(tf, features, layers, channels, strides, grid), tf.constant(3));
    }

    /**
     * A layer finer than the grid (SqueezeNet's first ReLU, VGG's first two blocks) is resized to a whole multiple
     * of the grid and averaged down by it, so that every one of its positions counts; sampled at the grid's points
     * alone, the pixels between them went unseen by the fine layers and the picture took the grid's lines.
     */
    private static List<Operand<TFloat32>> onGrid(Ops tf, Map<String, Operand<TFloat32>> features,
                                                  Map<String, Double> layers, Map<String, Integer> channels,
                                                  Map<String, Integer> strides, Operand<TInt32> grid) {
        List<Operand<TFloat32>> blocks = new ArrayList<>();
        for (Map.Entry<String, Double> layer : layers.entrySet()) {
            Operand<TFloat32> f = tf.math.mul(features.get(layer.getKey()),
                    tf.constant(1f / channels.get(layer.getKey())));
            int finer = Math.max(1, STRIDE / strides.get(layer.getKey()));
            if (finer == 1) {
                blocks.add(tf.image.resizeBilinear(f, grid, ResizeBilinear.alignCorners(true)));
            } else {
                Operand<TFloat32> fine = tf.image.resizeBilinear(f, tf.math.mul(grid, tf.constant(finer)),
                        ResizeBilinear.alignCorners(true));
                blocks.add(tf.nn.avgPool(fine, List.of(1L, (long) finer, (long) finer, 1L),
                        List.of(1L, (long) finer, (long) finer, 1L), "VALID"));
            }
        }
        return blocks;
    }

    /**
     * Per channel, the factor that gives each layer the share of a hypercolumn's squared length its weight asks
     * (weights normalised to sum 1), measured as the mean over the given sets of hypercolumns (rows of the layers'
     * channels side by side): layer l's block is multiplied by sqrt(w_l / mean |block_l|^2). A block that is zero everywhere
     * keeps factor 0.
     */
    static float[] balance(List<float[]> rowSets, Map<String, Double> layers, Map<String, Integer> channels) {
        int depth = depth(layers, channels);
        int n = rowSets.stream().mapToInt(r -> r.length / depth).sum();
        double total = layers.values().stream().mapToDouble(Double::doubleValue).sum();
        float[] factor = new float[depth];
        int from = 0;
        for (Map.Entry<String, Double> layer : layers.entrySet()) {
            int width = channels.get(layer.getKey());
            double squares = 0;
            for (float[] rows : rowSets) {
                for (int r = 0; r < rows.length / depth; r++) {
                    for (int d = from; d < from + width; d++) {
                        squares += (double) rows[r * depth + d] * rows[r * depth + d];
                    }
                }
            }
            double meanSquare = squares / Math.max(1, n);
            float f = meanSquare > 0 ? (float) Math.sqrt(layer.getValue() / total / meanSquare) : 0;
            java.util.Arrays.fill(factor, from, from + width, f);
            from += width;
        }
        return factor;
    }

    /** The width of a hypercolumn: the layers' channels together. */
    static int depth(Map<String, Double> layers, Map<String, Integer> channels) {
        return layers.keySet().stream().mapToInt(channels::get).sum();
    }
}
