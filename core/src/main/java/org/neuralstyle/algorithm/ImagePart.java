package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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

    /**
     * The part's features at a layer with the layer's next cell on each side where the part has one, and how many
     * such cells come before the part's own, [rows, columns]: for interpolating between the layer's cells across the
     * part's edge as over the whole image ({@link Hypercolumns}).
     */
    Surrounded featuresAround(String layer);

    /** The part's cells on a grid of this stride, [rows, columns]; a partial cell at the image's end counts. */
    Operand<TInt32> cellsAt(int stride);

    /** A term's input laid over the image at a layer's resolution, C values a position: each part gets its piece. */
    LaidInput laidAt(String layer, int channels);

    /** The same at the pixels' resolution. */
    LaidInput laidOverPixels(int channels);

    /** The same on a grid of this stride, a partial cell at the image's end counted ({@link #cellsAt}). */
    LaidInput laidAtStride(int stride, int channels);

    /** A layer's features with cells around a part ({@link #featuresAround}). */
    record Surrounded(Operand<TFloat32> features, Operand<TInt32> before) {
    }

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
