package org.neuralstyle.algorithm;

import java.util.Map;

/**
 * The whole image's size in pixels and in positions at each layer the loss reads: what a {@link SummedTerm} divides
 * its sums by, whichever parts they were gathered from.
 */
record Extent(int width, int height, Map<String, Long> positions) {

    Extent {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image of at least one pixel, got " + width + "x" + height);
        }
        positions = Map.copyOf(positions);
    }

    /** H_l x W_l at a layer. */
    long positionsAt(String layer) {
        Long n = positions.get(layer);
        if (n == null) {
            throw new IllegalArgumentException("no extent for layer " + layer);
        }
        return n;
    }

    long pixels() {
        return (long) width * height;
    }
}
