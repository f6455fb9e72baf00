package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An input of a loss term laid over the image (the content's features, a style's region, a warped frame), set for
 * the whole image and fed to each {@link ImagePart} as its own piece. The part that made it owns its values.
 */
interface LaidInput {

    /** The graph input a term computes with: the part's piece, [1, rows, columns, C]. */
    Operand<TFloat32> operand();

    /** Takes the whole image's values, [1, H_l, W_l, C]; takes ownership of the tensor. */
    void set(TFloat32 whole);

    /** The same from values in row-major order. */
    void set(float[] whole);

    boolean isSet();
}
