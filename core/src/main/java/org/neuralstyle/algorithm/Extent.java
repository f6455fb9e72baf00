package org.neuralstyle.algorithm;

import java.util.Map;

/**
 * The whole image's size in pixels and at each layer the loss reads: what a {@link SummedTerm} divides its sums by,
 * whichever parts they were gathered from, and the size a region is laid at on each layer.
 */
record Extent(int width, int height, Map<String, Size> layers) {

    /** A layer's feature map, rows x columns. */
    record Size(int rows, int columns) {
    }

    Extent {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image of at least one pixel, got " + width + "x" + height);
        }
        layers = Map.copyOf(layers);
    }

    /** The feature map's size at a layer. */
    Size at(String layer) {
        Size size = layers.get(layer);
        if (size == null) {
            throw new IllegalArgumentException("no extent for layer " + layer);
        }
        return size;
    }

    /** H_l x W_l at a layer. */
    long positionsAt(String layer) {
        Size size = at(layer);
        return (long) size.rows() * size.columns();
    }

    long pixels() {
        return (long) width * height;
    }
}
