package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * The self-similarity content loss (Kolkin et al., STROTSS, CVPR 2019; as NNST's {@code content_loss}):
 * w_c * mean_ij |D_ij(x) - D_ij(c)|, D_ij the Euclidean distance between the colours of locations i and j of the
 * image averaged down by k = round(max(H, W) / 32) (so about 32 px on its long side), x the image and c the
 * photo. It keeps where the photo's parts are alike and where they differ, not their colours, so the style may
 * recolour everything while the layout holds.
 */
final class SelfSimilarityTerm extends FedTerm {

    /** The long side the colours are compared at. */
    static final int SIDE = 32;

    private final int width;
    private final int height;

    SelfSimilarityTerm(Ops tf, Operand<TFloat32> image, int width, int height, double weight) {
        super(LossTerms.CONTENT);
        this.width = width;
        this.height = height;
        int k = Math.max(1, (int) Math.round(Math.max(width, height) / (double) SIDE));
        Operand<TFloat32> content = fed.add(tf, Shape.of(1, height, width, 3));
        Operand<TFloat32> difference = tf.math.abs(tf.math.sub(distances(tf, averagedDown(tf, image, k)),
                distances(tf, averagedDown(tf, content, k))));
        value(Losses.scaled(tf, Losses.meanOfAll(tf, difference), weight));
    }

    private static Operand<TFloat32> averagedDown(Ops tf, Operand<TFloat32> image, int k) {
        return k == 1 ? image : tf.nn.avgPool(image, List.of(1L, (long) k, (long) k, 1L), List.of(1L, (long) k, (long) k, 1L),
                "VALID");
    }

    /**
     * All pairwise distances between the locations' colours, [n, n], from the differences themselves (not
     * |a|^2 + |b|^2 - 2ab, whose rounding on 0..255 values leaves the diagonal far from 0), kept from 0 under the
     * root by 1e-8 so that the gradient is defined where two colours are equal.
     */
    static Operand<TFloat32> distances(Ops tf, Operand<TFloat32> image) {
        Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, 3}));
        Operand<TFloat32> rows = tf.expandDims(flat, tf.constant(1));
        Operand<TFloat32> columns = tf.expandDims(flat, tf.constant(0));
        Operand<TFloat32> squares = tf.reduceSum(tf.math.squaredDifference(rows, columns), tf.constant(2),
                ReduceSum.keepDims(false));
        return tf.math.sqrt(tf.math.add(squares, tf.constant(1e-8f)));
    }

    void setContent(RgbImage content) {
        if (content.width() != width || content.height() != height) {
            throw new IllegalArgumentException("content image is " + content.width() + "x" + content.height()
                    + ", graph is " + width + "x" + height);
        }
        fed.set(List.of(Tensors.of(content.pixels(), 1, height, width, 3)));
    }





}
