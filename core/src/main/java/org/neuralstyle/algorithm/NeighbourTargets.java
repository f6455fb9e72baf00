package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Precision;
import org.neuralstyle.image.RgbImage;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The targets of neural-neighbour style (Kolkin et al., "Neural Neighbor Style Transfer", 2022, NNST-Opt), the
 * painting's own features: for each cell of the picture's hypercolumn grid ({@link Hypercolumns}), the painting's
 * hypercolumn nearest to that of a search image (the photo, or the photo mixed with the picture so far) by cosine
 * similarity after centring both by the painting's mean. Centring by the painting's mean alone, not by each search's
 * own, keeps the choice the same wherever a cell is searched from (their code centres each block of queries by its
 * own mean). {@link NeighbourStyleTerm} pulls the picture towards them.
 *
 * <p>Several styles: the nearest from their union, each style taking the share of cells its blend weight asks
 * ({@link NeighbourShares}); regions: a cell takes only from the styles placed there, and counts by how much of it
 * they cover. Owns the paintings' search keys (engine tensors); close it when done.
 */
final class NeighbourTargets implements AutoCloseable {

    /**
     * What a search found, for the term's inputs: the targets T at unit length times the layers' balance b (b T,
     * cells x D, row-major), each cell's coverage by the styles' regions (1 without regions), and b^2 (D values).
     */
    record Found(float[] balancedTargets, float[] coverage, float[] balanceSquared) {
    }

    /**
     * One painting's hypercolumns, held once: centred by their mean and at unit length (the search's keys, in the
     * engine), with each row's length before, from which a target is rebuilt (key x length + mean). Held also as
     * they were, they took another 260 MB for Starry Night's four turns at 512 px.
     */
    private record StyleFeatures(float[] mean, float[] lengths, org.tensorflow.Tensor keys) {

        /** Row j as it was: key x length + mean, at unit length (a zero row stays zero). */
        void unitTarget(int j, int depth, float[] row, float[] out, int at) {
            ((org.tensorflow.ndarray.FloatNdArray) keys).get(j)
                    .copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(row, false, false));
            double norm = 0;
            for (int d = 0; d < depth; d++) {
                row[d] = row[d] * lengths[j] + mean[d];
                norm += (double) row[d] * row[d];
            }
            float inverse = (float) (1 / Math.sqrt(Math.max(norm, 1e-16)));
            for (int d = 0; d < depth; d++) {
                out[at + d] = row[d] * inverse;
            }
        }
    }

    /**
     * GPNN's alpha for the search ({@link NeighbourSearch#nearest}): measured on the cat and Starry Night at 256 px,
     * without it the targets came from the painting's few features most like the photo's (its yellows) and the
     * picture stayed as far from the painting's colours as the photo; 0.05 and 0.01 both bring its blues in.
     */
    static final double COMPLETENESS = 0.05;

    private final Map<String, Double> layers;
    private final Map<String, Integer> channels;
    /** Per channel, the layers' balance ({@link Hypercolumns#balance}), from the paintings. */
    private float[] balance;
    private final NeighbourSearch search;
    private final double[] shares;
    private final int gridWidth;
    private final int gridHeight;
    private final int depth;
    private final List<StyleFeatures> styles = new ArrayList<>();
    private float[][] regions;

    /** For a picture of width x height, hypercolumns of the layers (and their channels), styles blended so. */
    NeighbourTargets(Ops tf, Map<String, Double> layers, Map<String, Integer> channels, double[] blend, int width,
                     int height, Precision precision) {
        this.shares = blend.clone();
        this.gridWidth = Hypercolumns.gridSide(width);
        this.gridHeight = Hypercolumns.gridSide(height);
        this.depth = Hypercolumns.depth(layers, channels);
        this.layers = layers;
        this.channels = channels;
        search = new NeighbourSearch(tf, depth, precision);
    }

    /**
     * The share of the starting image in the search image, the rest the photo's (NNST's content_weight = 1 - alpha,
     * 0.25 by default): at a first scale that starts from the photo it is the photo alone, and at a later scale
     * the strokes already painted lead the search a little, so the painting's features stay where they settled.
     */
    static final double SEARCH_MIX = 0.25;

    /**
     * Searches the targets from the image an optimisation starts at (RGB 0..255, row-major, the photo's size), mixed
     * with the photo ({@link #SEARCH_MIX}); hypercolumnsOf gives an image's hypercolumns from the graph.
     */
    Found startFrom(RgbImage photo, float[] start, Function<RgbImage, float[]> hypercolumnsOf, Session session) {
        float[] p = photo.pixels();
        float[] mix = new float[p.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (float) ((1 - SEARCH_MIX) * p[i] + SEARCH_MIX * start[i]);
        }
        return search(session, hypercolumnsOf.apply(new RgbImage(photo.width(), photo.height(), mix)));
    }

    /**
     * The paintings (any size), each learnt from its part where one is given (null: all of it). Each painting turned
     * by each quarter too, as NNST's flip_aug: four times the candidates, and measured on the cat and Starry Night at
     * 256 px the photo's edges kept better (correlation 0.40 -> 0.45). hypercolumnsOf gives an image's hypercolumns.
     */
    void setStyles(List<RgbImage> paintings, List<StyleRegion> parts, Function<RgbImage, float[]> hypercolumnsOf,
                   Session session) {
        List<List<float[]>> hypercolumns = new ArrayList<>();
        for (int i = 0; i < paintings.size(); i++) {
            List<float[]> turns = new ArrayList<>();
            RgbImage turned = paintings.get(i);
            StyleRegion part = parts.get(i);
            for (int quarter = 0; quarter < 4; quarter++) {
                float[] rows = hypercolumnsOf.apply(turned);
                turns.add(part == null ? rows : rowsWithin(rows, part.resizedTo(
                        Hypercolumns.gridSide(turned.width()), Hypercolumns.gridSide(turned.height()))));
                turned = turned.quarterTurned();
                part = part == null ? null : part.quarterTurned();
            }
            hypercolumns.add(turns);
        }
        setStyleRows(hypercolumns);
    }

    /**
     * The paintings' hypercolumns, per painting its rows of D values in pieces (the painting and, as candidates
     * alike, it turned). The pieces are turned into search keys in place and let go of as the keys take them.
     */
    private void setStyleRows(List<List<float[]>> hypercolumns) {
        closeStyles();
        balance = Hypercolumns.balance(hypercolumns.stream().flatMap(List::stream).toList(), layers, channels);
        for (List<float[]> pieces : hypercolumns) {
            pieces.forEach(rows -> scale(rows, balance));
            float[] mean = columnMean(pieces, depth);
            List<float[]> lengths = new ArrayList<>();
            pieces.forEach(rows -> lengths.add(centreToUnitLength(rows, mean, depth)));
            styles.add(new StyleFeatures(mean, concatenated(lengths), search.keys(pieces)));
        }
    }

    private static float[] concatenated(List<float[]> parts) {
        float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /**
     * The hypercolumn rows of a painting (row-major over its grid) at the cells its part covers at least half;
     * every row where none does (a part too thin for the grid), so that the painting still has candidates.
     */
    private float[] rowsWithin(float[] rows, StyleRegion partAtGrid) {
        float[] weight = partAtGrid.weights();
        int kept = 0;
        for (float w : weight) {
            kept += w >= 0.5f ? 1 : 0;
        }
        if (kept == 0 || weight.length * depth != rows.length) {
            return rows;
        }
        float[] out = new float[kept * depth];
        int at = 0;
        for (int r = 0; r < weight.length; r++) {
            if (weight[r] >= 0.5f) {
                System.arraycopy(rows, r * depth, out, at, depth);
                at += depth;
            }
        }
        return out;
    }

    /** Where each style is placed, at the hypercolumn grid's size (null in the list: everywhere; null: no regions). */
    void setRegions(List<StyleRegion> atGrid) {
        if (atGrid == null) {
            regions = null;
            return;
        }
        regions = new float[atGrid.size()][];
        for (int i = 0; i < atGrid.size(); i++) {
            regions[i] = atGrid.get(i) == null ? StyleRegion.everywhere(gridWidth, gridHeight).weights()
                    : atGrid.get(i).resizedTo(gridWidth, gridHeight).weights();
        }
    }

    /**
     * Searches the targets again: for each cell of the search image's hypercolumns (the picture's grid, row-major, D
     * values each; scaled here) the nearest painting feature, for the term's inputs.
     */
    Found search(Session session, float[] query) {
        if (styles.isEmpty()) {
            throw new IllegalStateException("set the styles before searching for neighbours");
        }
        scale(query, balance);
        int locations = gridWidth * gridHeight;
        if (query.length != locations * depth) {
            throw new IllegalArgumentException("search image's hypercolumns have " + query.length / depth
                    + " locations, the grid " + locations);
        }
        int[][] index = new int[styles.size()][];
        float[][] similarity = new float[styles.size()][];
        for (int i = 0; i < styles.size(); i++) {
            NeighbourSearch.Match match = search.nearest(session, unitRows(query, styles.get(i).mean(), depth),
                    styles.get(i).keys(), COMPLETENESS);
            index[i] = match.index();
            similarity[i] = match.similarity();
        }
        int[] choice = NeighbourShares.choose(similarity, shares, regions);
        float[] targets = new float[locations * depth];
        float[] coverage = new float[locations];
        float[] row = new float[depth];
        for (int p = 0; p < locations; p++) {
            int i = choice[p];
            if (i < 0) {
                continue;
            }
            styles.get(i).unitTarget(index[i][p], depth, row, targets, p * depth);
            coverage[p] = regions == null ? 1 : coverageAt(p);
        }
        float[] squared = new float[depth];
        for (int d = 0; d < depth; d++) {
            squared[d] = balance[d] * balance[d];
        }
        scale(targets, balance); // b T: the balance folded into the targets (cosineDistance)
        return new Found(targets, coverage, squared);
    }

    private float coverageAt(int p) {
        float sum = 0;
        for (float[] region : regions) {
            sum += region[p];
        }
        return Math.min(1, sum);
    }

    /** Each row's entries times the per-column factors, in place. */
    private static void scale(float[] rows, float[] factor) {
        for (int i = 0; i < rows.length; i++) {
            rows[i] *= factor[i % factor.length];
        }
    }

    /** The mean row of rows given in pieces (row-major, depth values a row). */
    static float[] columnMean(List<float[]> pieces, int depth) {
        double[] sum = new double[depth];
        long n = 0;
        for (float[] rows : pieces) {
            for (int r = 0; r < rows.length / depth; r++) {
                for (int d = 0; d < depth; d++) {
                    sum[d] += rows[r * depth + d];
                }
            }
            n += rows.length / depth;
        }
        float[] mean = new float[depth];
        for (int d = 0; d < depth; d++) {
            mean[d] = (float) (sum[d] / Math.max(1, n));
        }
        return mean;
    }

    /** Each row minus the mean, at unit length, in place; returns each row's length before (0: stays zero). */
    static float[] centreToUnitLength(float[] rows, float[] mean, int depth) {
        int n = rows.length / depth;
        float[] lengths = new float[n];
        for (int r = 0; r < n; r++) {
            double norm = 0;
            for (int d = 0; d < depth; d++) {
                rows[r * depth + d] -= mean[d];
                norm += (double) rows[r * depth + d] * rows[r * depth + d];
            }
            lengths[r] = (float) Math.sqrt(norm);
            float inverse = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
            for (int d = 0; d < depth; d++) {
                rows[r * depth + d] *= inverse;
            }
        }
        return lengths;
    }

    /** Each row minus the mean, at unit length (a zero row stays zero), as a new array. */
    static float[] unitRows(float[] rows, float[] mean, int depth) {
        float[] out = rows.clone();
        centreToUnitLength(out, mean, depth);
        return out;
    }

    private void closeStyles() {
        styles.forEach(s -> s.keys().close());
        styles.clear();
    }

    @Override
    public void close() {
        closeStyles();
    }
}
