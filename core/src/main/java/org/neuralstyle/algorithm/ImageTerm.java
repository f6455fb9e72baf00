package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A loss term of the image alone, added to the loss by the options ({@link StyleTransferOptions#imageTerms}): given
 * the image [1, H, W, 3] (RGB 0..255), its weighted value as graph operations. The graph sums it with the others,
 * and the progress, the plot and the studio's curve show it under its name. (Terms with targets of their own,
 * content, style, temporal, are the graph's.)
 */
public interface ImageTerm {

    /** The name it is shown under: one lowercase word, not one of the graph's own terms. */
    String name();

    /** Its weighted value, a scalar. */
    Operand<TFloat32> value(Ops tf, Operand<TFloat32> image, int width, int height);
}
