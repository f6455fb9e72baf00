package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neural-neighbour style (Kolkin et al., "Neural Neighbor Style Transfer", 2022, NNST-Opt): the image's
 * hypercolumns F ({@link Hypercolumns}) pulled towards the painting's features T that {@link NeighbourTargets}
 * found for each cell: w_s * sum_p c_p (1 - cos(F_p, T_p)) / N over the N cells of the picture's grid, c_p the
 * cell's coverage by the styles' regions (1 without regions). A sum over the cells, so it tiles
 * ({@link TiledStyleTransferGraph}): the targets and coverage are laid over the grid, each part fed its piece.
 */
final class NeighbourStyleTerm extends SummedTerm {

    private final Map<String, Double> layers;
    private final Map<String, Integer> channels;
    private final Map<String, Integer> strides;
    private final boolean aligned;
    private final double weight;
    private final long cells;
    private final int depth;
    private LaidInput targets;
    private LaidInput coverage;
    /** b^2, the layers' balance squared per channel, [1, 1, 1, D]: the same for every part. */
    private final FedTargets balance = new FedTargets();

    /**
     * Over hypercolumns of these layers (their channels and strides; brought to the grid exactly where
     * {@code aligned}, {@link Hypercolumns}) of a picture of width x height.
     */
    NeighbourStyleTerm(Map<String, Double> layers, Map<String, Integer> channels, Map<String, Integer> strides,
                       boolean aligned, double weight, int width, int height) {
        super(LossTerms.STYLE);
        // in the layers' order: the hypercolumn's blocks, the targets' columns and the balance follow it
        this.layers = new LinkedHashMap<>(layers);
        this.channels = Map.copyOf(channels);
        this.strides = Map.copyOf(strides);
        this.aligned = aligned;
        this.weight = weight;
        this.cells = (long) Hypercolumns.gridSide(width) * Hypercolumns.gridSide(height);
        this.depth = Hypercolumns.depth(layers, channels);
    }

    @Override
    List<Operand<TFloat32>> sums(Ops tf, ImagePart part) {
        targets = part.laidAtStride(Hypercolumns.STRIDE, depth);
        coverage = part.laidAtStride(Hypercolumns.STRIDE, 1);
        Placeholder<TFloat32> balanceSquared = balance.add(tf, Shape.of(1, 1, 1, depth));
        List<Operand<TFloat32>> blocks = Hypercolumns.blocks(tf, part, layers, channels, strides, aligned);
        return List.of(SummedTerm.sumOfAll(tf, cosineDistances(tf, blocks, targets.operand(), balanceSquared,
                coverage.operand())));
    }

    @Override
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
        return Losses.scaled(tf, tf.math.div(sums.get(0), tf.constant((float) cells)), weight);
    }

    /** The hypercolumns of a whole image of any size ([1, H, W, 3]) from its features, side by side. */
    Operand<TFloat32> hypercolumnsOf(Ops tf, Map<String, Operand<TFloat32>> features, Operand<TFloat32> image) {
        return Hypercolumns.of(tf, features, layers, channels, strides, image, aligned);
    }

    /** The hypercolumns of a part of an image (a tile's core), side by side. */
    Operand<TFloat32> hypercolumnsOf(Ops tf, ImagePart part) {
        return tf.concat(Hypercolumns.blocks(tf, part, layers, channels, strides, aligned), tf.constant(3));
    }

    /** Takes what a search found as the term's inputs, from now on. */
    void set(NeighbourTargets.Found found) {
        targets.set(found.balancedTargets());
        coverage.set(found.coverage());
        balance.set(List.of(Tensors.of(found.balanceSquared(), 1, 1, 1, depth)));
    }

    @Override
    public boolean ready() {
        return targets != null && targets.isSet() && coverage.isSet() && balance.isSet();
    }

    @Override
    public void feed(Session.Runner runner) {
        balance.feed(runner);
    }

    @Override
    public void close() {
        balance.close();
    }

    /**
     * c_p (1 - <b F_p, T_p> / |b F_p|) at each cell p, [1, h, w, 1], for hypercolumns F [1, h, w, D] given as their
     * layers' blocks (in order, C_l channels each), the layers' balance b per channel, unit targets T and coverage c;
     * |b F_p| kept from 0 as their {@code get_feat_norms} (1e-8 under the root). The balance is folded into what is
     * fed, <b F, T> = <F, b T> and |b F|^2 = sum F^2 b^2, and the sums run block by block: the hypercolumn is never
     * written out whole, nor multiplied or divided whole (an iteration at 512 px about a quarter faster).
     *
     * @param balancedTargets b T, [1, h, w, D]
     * @param balanceSquared  b^2, [1, 1, 1, D]
     */
    static Operand<TFloat32> cosineDistances(Ops tf, List<Operand<TFloat32>> blocks, Operand<TFloat32> balancedTargets,
                                            Operand<TFloat32> balanceSquared, Operand<TFloat32> coverage) {
        Operand<TFloat32> dot = tf.constant(0f);
        Operand<TFloat32> squares = tf.constant(0f);
        int from = 0;
        for (Operand<TFloat32> block : blocks) {
            int c = (int) block.shape().size(3);
            Operand<TFloat32> targets = tf.slice(balancedTargets, tf.constant(new int[] {0, 0, 0, from}),
                    tf.constant(new int[] {-1, -1, -1, c}));
            Operand<TFloat32> weights = tf.slice(balanceSquared, tf.constant(new int[] {0, 0, 0, from}),
                    tf.constant(new int[] {-1, -1, -1, c}));
            dot = tf.math.add(dot, tf.reduceSum(tf.math.mul(block, targets), tf.constant(3), ReduceSum.keepDims(true)));
            squares = tf.math.add(squares, tf.reduceSum(tf.math.mul(tf.math.square(block), weights), tf.constant(3),
                    ReduceSum.keepDims(true)));
            from += c;
        }
        Operand<TFloat32> norm = tf.math.sqrt(tf.math.maximum(squares, tf.constant(1e-8f)));
        return tf.math.mul(coverage, tf.math.sub(tf.constant(1f), tf.math.div(dot, norm)));
    }
}
