package org.neuralstyle.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image is cut into tiles for a tiled evaluation: cores of at most {@code core} pixels that partition the
 * image, each widened by a halo of context on every side (clipped at the image's edges). Every boundary is a
 * multiple of {@code alignment} (the network's largest stride), so a tile's pooling windows fall where the whole
 * image's do and its features line up with the whole image's. Two ways to place the cores: a grid shifted by an
 * offset (which adds a row and a column of part-tiles), or the fewest cores a side, their boundaries moved at
 * random within the slack the core size leaves.
 */
record TileGrid(int width, int height, int core, int halo, int alignment) {

    TileGrid {
        if (core < alignment || core % alignment != 0 || halo < 0 || halo % alignment != 0) {
            throw new IllegalArgumentException("tile core " + core + " and halo " + halo + " must be multiples of "
                    + alignment);
        }
    }

    /** One tile: the core it computes, [y0, y1) x [x0, x1), and the part of the image it reads around it. */
    record Tile(int coreTop, int coreLeft, int coreBottom, int coreRight, int top, int left, int bottom, int right) {

        int height() {
            return bottom - top;
        }

        int width() {
            return right - left;
        }
    }

    /** The tiles with the grid shifted by (offsetY, offsetX), each in [0, core) and a multiple of the alignment. */
    List<Tile> tiles(int offsetY, int offsetX) {
        return tiles(cuts(height, offsetY), cuts(width, offsetX));
    }

    /**
     * The fewest tiles that cover the image (ceil(width / core) x ceil(height / core)), their boundaries placed
     * at random where the core size leaves slack: for an exact halo, where the placement cannot change the result,
     * this is the cheapest tiling.
     */
    List<Tile> fewestTiles(java.util.Random random) {
        return tiles(fewestCuts(height, random), fewestCuts(width, random));
    }

    /** The tiles between these row and column cuts (each list from 0 to the image's side). */
    private List<Tile> tiles(List<Integer> rows, List<Integer> columns) {
        List<Tile> tiles = new ArrayList<>();
        for (int r = 0; r + 1 < rows.size(); r++) {
            for (int c = 0; c + 1 < columns.size(); c++) {
                int y0 = rows.get(r);
                int y1 = rows.get(r + 1);
                int x0 = columns.get(c);
                int x1 = columns.get(c + 1);
                tiles.add(new Tile(y0, x0, y1, x1, Math.max(0, y0 - halo), Math.max(0, x0 - halo),
                        Math.min(height, y1 + halo), Math.min(width, x1 + halo)));
            }
        }
        return tiles;
    }

    /**
     * ceil(length / core) pieces of at most core, in units of the alignment: all start full, and the units they
     * have too many together are taken off pieces drawn at random (the last unit of the side may be partial).
     */
    private List<Integer> fewestCuts(int length, java.util.Random random) {
        int units = (length + alignment - 1) / alignment;
        int coreUnits = core / alignment;
        int pieces = (units + coreUnits - 1) / coreUnits;
        int[] size = new int[pieces];
        java.util.Arrays.fill(size, coreUnits);
        for (int excess = pieces * coreUnits - units; excess > 0; ) {
            int piece = random.nextInt(pieces);
            if (size[piece] > 1) {
                size[piece]--;
                excess--;
            }
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int at = 0;
        for (int s : size) {
            at += s * alignment;
            cuts.add(Math.min(at, length));
        }
        return cuts;
    }

    /** 0, the shifted grid lines inside (0, length), and length. */
    private List<Integer> cuts(int length, int offset) {
        if (offset < 0 || offset >= core || offset % alignment != 0) {
            throw new IllegalArgumentException("offset " + offset + " must be in [0, " + core + ") and a multiple of "
                    + alignment);
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int at = offset == 0 ? core : offset; at < length; at += core) {
            cuts.add(at);
        }
        cuts.add(length);
        return cuts;
    }
}
