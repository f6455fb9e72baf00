package org.neuralstyle.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image is cut into tiles for a tiled evaluation: cores of {@code core} pixels that partition the image,
 * the grid shifted by an offset, each core widened by a halo of context on every side (clipped at the image's
 * edges). Every boundary is a multiple of {@code alignment} (the network's largest stride), so a tile's pooling
 * windows fall where the whole image's do and its features line up with the whole image's.
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
        List<Integer> rows = cuts(height, offsetY);
        List<Integer> columns = cuts(width, offsetX);
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
