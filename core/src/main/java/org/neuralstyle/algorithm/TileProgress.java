package org.neuralstyle.algorithm;

/**
 * Progress inside one evaluation of a tiled run (print sizes, where one iteration takes minutes): {@code tile} of
 * {@code tiles} tile passes done while evaluating iteration {@code iteration} of {@code iterations}.
 */
public record TileProgress(int iteration, int iterations, int tile, int tiles) {
}
