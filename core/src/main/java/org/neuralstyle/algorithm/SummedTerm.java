package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * A loss term that is a function of sums over the image's positions: the content's squared errors, the Gram
 * matrices' F^T F, total variation's squared differences, the temporal term's weighted squares, neural neighbours'
 * cosine distances to their targets. One formula then serves the whole image and an image too large for that:
 * {@link StyleTransferGraph} takes the sums over the whole image as one part; {@link TiledStyleTransferGraph} adds
 * them up over tiles, evaluates the value from them, and takes each tile's gradient through the derivative of the
 * value by the sums. A term that is no such function
 * (self-similarity) is not a SummedTerm and runs whole only.
 */
abstract class SummedTerm extends NamedTerm {

    protected SummedTerm(String name) {
        super(name);
    }

    /**
     * The term's sums over one part of the image, as graph operations; any inputs laid over the image it asks the
     * part for. Built once per graph.
     */
    abstract List<Operand<TFloat32>> sums(Ops tf, ImagePart part);

    /**
     * The term's weighted value from the whole image's sums (operands of the shapes {@link #sums} gave, whatever
     * computed them), and the targets it compares them with.
     */
    abstract Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums);

    /** Builds the term over the whole image as one part; returns the value. */
    final Operand<TFloat32> buildWhole(Ops tf, ImagePart whole) {
        return buildFrom(tf, sums(tf, whole));
    }

    /** Builds the term's value from sums computed elsewhere (tile by tile, fed). */
    final Operand<TFloat32> buildFrom(Ops tf, List<Operand<TFloat32>> sums) {
        value(valueOf(tf, sums));
        return value();
    }

    /** sum of all elements, as a scalar. */
    static Operand<TFloat32> sumOfAll(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
    }
}
