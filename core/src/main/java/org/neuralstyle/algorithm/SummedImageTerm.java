package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * An {@link ImageTerm} that is a function of sums over the image's pixels: then it joins tiled runs as well
 * ({@link TiledStyleTransferGraph}, print sizes), which add its sums up over the tiles and differentiate its value by
 * them. Whole, its value is that of its sums over the whole image.
 */
public interface SummedImageTerm extends ImageTerm {

    /** Its sums over a part of the image, pixels [1, h, w, 3] (RGB 0..255); each of a shape the graph knows. */
    List<Operand<TFloat32>> sums(Ops tf, Operand<TFloat32> pixels);

    /** Its weighted value, a scalar, from its sums over the whole image of this size. */
    Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums, int width, int height);

    @Override
    default Operand<TFloat32> value(Ops tf, Operand<TFloat32> image, int width, int height) {
        return valueOf(tf, sums(tf, image), width, height);
    }
}
