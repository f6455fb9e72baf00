package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a {@link SummedTerm} sees of the part of the image it sums over: the whole image as one part
 * ({@link StyleTransferGraph}), or one tile's core ({@link TiledStyleTransferGraph}). Every position of the image lies
 * in exactly one part, so sums over the parts add up to the whole image's.
 */
interface ImagePart {

    /** The part's features at a layer the loss reads, [1, rows, columns, C]: its own cells, no context. */
    Operand<TFloat32> features(String layer);

    /** The part's pixels, [1, rows, columns, 3], RGB 0..255. */
    Operand<TFloat32> pixels();

    /**
     * The part's pixels with the image's next row below and next column to the right, where the image goes on: for
     * terms of neighbouring pixels, so that each pair of neighbours is counted in one part, its first pixel's.
     */
    Operand<TFloat32> pixelsWithNext();

    /** A term's input laid over the image at a layer's resolution, C values a position: each part gets its piece. */
    LaidInput laidAt(String layer, int channels);

    /** The same at the pixels' resolution. */
    LaidInput laidOverPixels(int channels);

    /** A layer's features from a part's map of them, or the reason there are none. */
    static Operand<TFloat32> at(java.util.Map<String, Operand<TFloat32>> features, String layer) {
        Operand<TFloat32> f = features.get(layer);
        if (f == null) {
            throw new IllegalArgumentException("no features at layer " + layer + " (the loss reads "
                    + String.join(", ", features.keySet()) + ")");
        }
        return f;
    }
}
