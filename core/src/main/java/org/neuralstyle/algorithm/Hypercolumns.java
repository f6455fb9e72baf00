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
import java.util.function.Function;

/**
 * Hypercolumns (Kolkin et al., "Neural Neighbor Style Transfer", 2022, section 3): the features of several layers
 * at each cell of a grid a quarter of the image's size, side by side, [1, H/4, W/4, sum C_l] (a partial cell at the
 * image's end counts, as a SAME-padded layer of stride 4 counts it). Each layer is divided by its channel count here,
 * as theirs; its share of a cosine distance is then set by {@link #balance}: their division alone leaves it to the
 * network's scale, and SqueezeNet's fire7 outweighs its first ReLU 180 to 1 (mean squared norms on Starry Night), so
 * that only the deep layers were matched and the strokes and colours were left grey.
 *
 * <p>How each layer meets the grid depends on the network. Where every layer is SAME-padded (VGG), cell j of a layer
 * of stride s lies over pixels [s j, s j + s), and the layer is brought to the grid exactly: a finer layer averaged
 * over each cell's pixels, a coarser one interpolated between its cells' centres. Nothing then depends on where the
 * image ends, so a tile's hypercolumns are the whole image's ({@link TiledStyleTransferGraph}; their code resizes
 * each layer to the grid with corners aligned, which stretches it by up to a cell and cannot tile). A network with
 * unpadded layers (SqueezeNet) has layers a few cells short of that; each is stretched to the grid, corners aligned,
 * as theirs.
 */
final class Hypercolumns {

    /** The grid is this many times smaller than the image on each side. */
    static final int STRIDE = 4;

    private Hypercolumns() {
    }

    /** The grid's size for an image of the given side: a quarter, a partial cell counted. */
    static int gridSide(int imageSide) {
        return Math.max(1, (imageSide + STRIDE - 1) / STRIDE);
    }

    /** Whether the network's layers are brought to the grid exactly (every layer SAME-padded), else stretched. */
    static boolean aligned(NetworkArchitecture architecture) {
        return architecture.unseenEdge() == 0;
    }

    /**
     * The hypercolumns of a part of an image as their layers' blocks, [1, rows, columns, C_l] each in the layers'
     * order over the part's cells, not put side by side: the loss sums over them block by block
     * ({@link NeighbourStyleTerm#cosineDistance}) without writing and reading the whole hypercolumn again. Strides:
     * each layer's ({@link NetworkArchitecture#stride}).
     */
    static List<Operand<TFloat32>> blocks(Ops tf, ImagePart part, Map<String, Double> layers,
                                          Map<String, Integer> channels, Map<String, Integer> strides, boolean aligned) {
        return onGrid(tf, part::features, part::featuresAround, part.cellsAt(STRIDE), layers, channels, strides,
                aligned);
    }

    /** The hypercolumns of a whole image [1, H, W, 3] whose size the graph learns when it runs, side by side. */
    static Operand<TFloat32> of(Ops tf, Map<String, Operand<TFloat32>> features, Map<String, Double> layers,
                                Map<String, Integer> channels, Map<String, Integer> strides, Operand<TFloat32> image,
                                boolean aligned) {
        Operand<TInt32> side = tf.stridedSlice(tf.shape(image), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                tf.constant(new int[] {1}));
        Operand<TInt32> grid = tf.math.floorDiv(tf.math.add(side, tf.constant(STRIDE - 1)), tf.constant(STRIDE));
        Function<String, Operand<TFloat32>> whole = layer -> ImagePart.at(features, layer);
        return tf.concat(onGrid(tf, whole, layer -> new ImagePart.Surrounded(whole.apply(layer),
                tf.constant(new int[] {0, 0})), grid, layers, channels, strides, aligned), tf.constant(3));
    }

    private static List<Operand<TFloat32>> onGrid(Ops tf, Function<String, Operand<TFloat32>> features,
                                                  Function<String, ImagePart.Surrounded> around, Operand<TInt32> grid,
                                                  Map<String, Double> layers, Map<String, Integer> channels,
                                                  Map<String, Integer> strides, boolean aligned) {
        List<Operand<TFloat32>> blocks = new ArrayList<>();
        for (String layer : layers.keySet()) {
            int c = channels.get(layer);
            int s = strides.get(layer);
            Operand<TFloat32> perChannel = tf.constant(1f / c);
            Operand<TFloat32> block;
            if (!aligned) {
                block = stretched(tf, tf.math.mul(features.apply(layer), perChannel), s, grid);
            } else if (s <= STRIDE) {
                block = cellMeans(tf, tf.math.mul(features.apply(layer), perChannel), STRIDE / s);
            } else {
                ImagePart.Surrounded f = around.apply(layer);
                block = interpolated(tf, tf.math.mul(f.features(), perChannel), f.before(), s / STRIDE, grid, c);
            }
            // the channels known to the graph whatever sizes it learns when it runs (the loss reads them)
            Operand<TInt32> side = tf.stridedSlice(tf.shape(block), tf.constant(new int[] {1}),
                    tf.constant(new int[] {3}), tf.constant(new int[] {1}));
            blocks.add(tf.reshape(block, tf.concat(List.of(tf.constant(new int[] {1}), side,
                    tf.constant(new int[] {c})), tf.constant(0))));
        }
        return blocks;
    }

    /**
     * A layer finer than the grid by the given factor, averaged over each cell: the cells' sums over the layer's
     * positions (zeros past the end), divided by how many positions each cell has (a partial cell at the end fewer).
     */
    private static Operand<TFloat32> cellMeans(Ops tf, Operand<TFloat32> f, int finer) {
        if (finer == 1) {
            return f;
        }
        Operand<TInt32> size = tf.stridedSlice(tf.shape(f), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                tf.constant(new int[] {1}));
        Operand<TInt32> missing = tf.math.floorMod(tf.math.neg(size), tf.constant(finer));
        // [[0, 0], [0, rows short], [0, columns short], [0, 0]]
        Operand<TInt32> paddings = tf.reshape(tf.concat(List.of(tf.constant(new int[] {0, 0, 0}),
                tf.slice(missing, tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[] {0}),
                tf.slice(missing, tf.constant(new int[] {1}), tf.constant(new int[] {1})),
                tf.constant(new int[] {0, 0})), tf.constant(0)), tf.constant(new int[] {4, 2}));
        List<Long> window = List.of(1L, (long) finer, (long) finer, 1L);
        Operand<TFloat32> sums = tf.nn.avgPool(tf.pad(f, paddings, tf.constant(0f)), window, window, "VALID");
        Operand<TFloat32> ones = tf.fill(tf.concat(List.of(tf.constant(new int[] {1}), size,
                tf.constant(new int[] {1})), tf.constant(0)), tf.constant(1f));
        Operand<TFloat32> share = tf.nn.avgPool(tf.pad(ones, paddings, tf.constant(0f)), window, window, "VALID");
        return tf.math.div(sums, share);
    }

    /**
     * A layer coarser than the grid by factor k, interpolated between its cells' centres at the grid's (grid cell i
     * at layer position (i + 1/2) / k - 1/2, half-pixel centres): given with the cell next to the part on each side
     * where there is one ({@code before}: how many come first), so that the part's edge interpolates as the whole
     * image's does; the grid's cells of the part are then cut out.
     */
    private static Operand<TFloat32> interpolated(Ops tf, Operand<TFloat32> f, Operand<TInt32> before, int k,
                                                  Operand<TInt32> grid, int channels) {
        Operand<TInt32> size = tf.stridedSlice(tf.shape(f), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
                tf.constant(new int[] {1}));
        Operand<TFloat32> fine = tf.image.resizeBilinear(f, tf.math.mul(size, tf.constant(k)),
                ResizeBilinear.halfPixelCenters(true));
        Operand<TInt32> begin = tf.concat(List.of(tf.constant(new int[] {0}), tf.math.mul(before, tf.constant(k)),
                tf.constant(new int[] {0})), tf.constant(0));
        // the channels as a constant in the slice's size, so that the graph knows them (the loss reads the shape)
        Operand<TInt32> cut = tf.concat(List.of(tf.constant(new int[] {1}), grid, tf.constant(new int[] {channels})),
                tf.constant(0));
        return tf.slice(fine, begin, cut);
    }

    /**
     * A layer of a network with unpadded layers, stretched to the grid with corners aligned. A layer finer than the
     * grid is resized to a whole multiple of it and averaged down by it, so that every one of its positions counts;
     * sampled at the grid's points alone, the pixels between them went unseen by the fine layers and the picture
     * took the grid's lines.
     */
    private static Operand<TFloat32> stretched(Ops tf, Operand<TFloat32> f, int stride, Operand<TInt32> grid) {
        int finer = Math.max(1, STRIDE / stride);
        if (finer == 1) {
            return tf.image.resizeBilinear(f, grid, ResizeBilinear.alignCorners(true));
        }
        Operand<TFloat32> fine = tf.image.resizeBilinear(f, tf.math.mul(grid, tf.constant(finer)),
                ResizeBilinear.alignCorners(true));
        return tf.nn.avgPool(fine, List.of(1L, (long) finer, (long) finer, 1L),
                List.of(1L, (long) finer, (long) finer, 1L), "VALID");
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
