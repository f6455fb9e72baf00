package org.neuralstyle.algorithm;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.FeatureNetwork;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The loss and gradient of an image too large to evaluate whole, computed tile by tile (print sizes; see
 * {@link TileGrid}). Each tile runs the network on its core plus a halo of context and keeps the features of its
 * core only, so every feature is computed once. The design rests on the style statistics being sums over pixels:
 *
 * <ol>
 * <li>Pass 1, forward only: each tile's core adds its sums to the whole image's: every term is a
 * {@link SummedTerm}, a function of sums over positions (F^T F at every style layer, the squared content errors, the
 * squared neighbour differences of total variation). The loss from the summed S_k is exactly the whole image's, by
 * the same formula ({@link SummedTerm#valueOf}), and so is the derivative D_k of the loss by each sum, which the
 * graph takes by differentiating that formula.</li>
 * <li>Pass 2: the gradient of the whole loss with respect to a tile's pixels is then that of the tile's own
 * surrogate sum_k &lt;D_k, s_k(tile)&gt;. The tiles' gradients, halos included, add up to the whole image's.</li>
 * </ol>
 *
 * Why two passes and not one: a single pass that takes each tile's gradient against the previous evaluation's D_l
 * (gathering this evaluation's S_l as it goes) was built and measured. It saves a quarter of a tiled iteration
 * (VGG-19, 1024 px in 512 px tiles: 29.8 s against 39.2 s), but the delayed gradient feeds back through Adam's
 * momentum: on random VGG-19 it ended 1.5-3.7% higher after 100 iterations, and on a small network it never
 * settled (the loss oscillating at 10x the exact run's after 80 iterations), with or without falling back to two
 * passes after a rise. A loss that cannot promise to converge is not worth a quarter.
 *
 * Near a tile's edge the network sees the halo's end (zero padding) rather than the rest of the image, so a core
 * feature would differ from the whole image's where its receptive field reached past the halo. With
 * {@link #exactHalo} of context, which runs use, it never does, and the result is the untiled one to rounding
 * ({@code TiledStyleTransferGraphTest}), wherever the tiles lie: so the image is cut into the fewest tiles, their
 * boundaries moved at random within the slack the core size leaves ({@link TileGrid#fewestTiles}). With less
 * context the difference is small, and the grid moves by a random offset at every evaluation, so no tile edge stays
 * in one place long enough to leave a seam (as crowsonkb's earlier style_transfer did). The options' own terms
 * join when they are sums over the pixels ({@link SummedImageTerm}); a term that is no such sum (self-similarity)
 * is refused. Neural neighbours' loss is a sum over cells; their search runs on hypercolumns read out tile by tile.
 *
 * <p>Owns every native resource it uses; close it when done.
 */
public final class TiledStyleTransferGraph implements ImageLoss {

    /**
     * The context around each core that makes its features exactly the whole image's: the deepest layer's
     * receptive reach ({@link NetworkArchitecture#receptiveReach}), rounded up to the grid's alignment. VGG-19 to
     * relu5_1: 85 px, so 96. (A fixed 128 px halo before: each tile computed a third more context than needed.)
     */
    public static int exactHalo(NetworkArchitecture arch, Collection<String> layers) {
        int alignment = alignment(arch, layers);
        return ceilDiv(arch.receptiveReach(layers), alignment) * alignment;
    }

    /**
     * The same for a loss: neural neighbours interpolate a coarse layer across a core's edge from the layer's next
     * cell outside it ({@link Hypercolumns}), whose features must be exact too: one alignment more.
     */
    public static int exactHalo(NetworkArchitecture arch, LossSpec spec) {
        if (spec.styleLoss() != StyleLoss.Kind.NEIGHBOURS) {
            return exactHalo(arch, spec.layers());
        }
        int alignment = alignment(arch, spec);
        return ceilDiv(arch.receptiveReach(spec.layers()), alignment) * alignment + alignment;
    }

    /** The largest stride of the layers: where tiles' boundaries must lie. */
    private static int alignment(NetworkArchitecture arch, Collection<String> layers) {
        return layers.stream().mapToInt(l -> strideOf(arch, l)).max().orElse(1);
    }

    /** The same for a loss: neural neighbours' cells lie on a grid of their own ({@link Hypercolumns#STRIDE}). */
    private static int alignment(NetworkArchitecture arch, LossSpec spec) {
        int layers = alignment(arch, spec.layers());
        return spec.styleLoss() == StyleLoss.Kind.NEIGHBOURS ? Math.max(layers, Hypercolumns.STRIDE) : layers;
    }

    private final GraphSession graph;
    private final LossSpec spec;
    private final NetworkArchitecture architecture;
    private final int width;
    private final int height;
    private final TileGrid grid;
    private final Random shifts;
    /** Whether the halo makes every tile's features the whole image's, so that where the tiles lie cannot matter. */
    private final boolean exact;
    private final Map<String, Integer> strides = new LinkedHashMap<>();
    private final TileImage part;
    private final ContentTerm content;
    /** The statistics style term, or null under neural neighbours. */
    private final StyleTerm style;
    /** The neural-neighbour style term, the search for its targets and its hypercolumns of a tile's core; or null. */
    private final NeighbourStyleTerm neighbours;
    private final NeighbourStyle neighbourStyle;
    private final Operand<TFloat32> coreHypercolumns;
    private final TemporalTerm temporal;
    /** Every term, in the order {@link LossTerms} lists them, each with its sums over a tile's core. */
    private final List<SummedTerm> terms = new ArrayList<>();
    /** Every term's sums, in the terms' order. */
    private final List<Sum> sums = new ArrayList<>();
    /** d(sum_k &lt;D_k, s_k(tile)&gt;) by the tile and by the core's pixels with the next row and column. */
    private final Output<TFloat32> tileGradient;
    private final Output<TFloat32> pixelsGradient;
    /** A style image's statistics from its sums over tiles, and its positions at each style layer. */
    private final List<Operand<TFloat32>> styleSums;
    private final List<Placeholder<TFloat32>> styleWholeSums = new ArrayList<>();
    private final Map<String, Placeholder<TFloat32>> stylePositions = new LinkedHashMap<>();
    private final List<Operand<TFloat32>> styleStatistics;
    /** Told (passes done, passes in this evaluation) after each tile pass. */
    private BiConsumer<Integer, Integer> tileDone = (done, total) -> { };
    private StyleRegion painted;

    /**
     * @param core the tile core, px, rounded down to a multiple of the network's largest stride (16 for VGG)
     * @param halo context on each side, px, rounded up to a multiple of the same
     * @param seed for the grid's offsets
     */
    public TiledStyleTransferGraph(NetworkWeights weights, Pooling pooling, LossSpec spec, int width, int height,
                                   int core, int halo, long seed, EngineSettings engine) {
        NetworkArchitecture arch = weights.architecture();
        if (spec.contentLoss() != ContentLoss.MSE) {
            throw new IllegalArgumentException("tiled runs hold the content by feature MSE (not self-similarity)");
        }
        for (ImageTerm term : spec.imageTerms()) {
            if (!(term instanceof SummedImageTerm)) {
                throw new IllegalArgumentException("tiled runs take added terms that are sums over the pixels ("
                        + term.name() + " is not a SummedImageTerm)");
            }
        }
        int alignment = alignment(arch, spec);
        Map<String, Extent.Size> sizes = new LinkedHashMap<>();
        Map<String, Integer> channels = new LinkedHashMap<>();
        for (String layer : spec.layers()) {
            int s = strideOf(arch, layer);
            strides.put(layer, s);
            channels.put(layer, arch.outputChannels(layer));
            sizes.put(layer, new Extent.Size(ceilDiv(height, s), ceilDiv(width, s))); // SAME padding rounds up
        }
        this.spec = spec;
        this.architecture = arch;
        this.width = width;
        this.height = height;
        this.grid = new TileGrid(width, height, Math.max(alignment, core / alignment * alignment),
                ceilDiv(halo, alignment) * alignment, alignment);
        this.shifts = new Random(seed);
        this.exact = grid.halo() >= exactHalo(arch, spec);
        Extent extent = new Extent(width, height, sizes);
        this.graph = new GraphSession(engine);
        try {
            Ops tf = graph.ops();
            FeatureNetwork network = new FeatureNetwork(tf, weights, pooling, engine.precision());
            Placeholder<TFloat32> tile = tf.withName("tile").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
            part = new TileImage(tf, width, height, tile, network.apply(tile, spec.layers()), strides);
            SummedTerms summed = new SummedTerms(spec, extent, arch);
            content = summed.content;
            style = summed.style;
            neighbours = summed.neighbours;
            temporal = summed.temporal;
            terms.addAll(summed.all());
            spec.imageTerms().forEach(term -> terms.add(overPixels((SummedImageTerm) term)));
            Operand<TFloat32> total = tf.constant(0f);
            Operand<TFloat32> surrogate = tf.constant(0f);
            List<Operand<TFloat32>> overTiles = new ArrayList<>();
            List<Placeholder<TFloat32>> wholes = new ArrayList<>();
            List<Placeholder<TFloat32>> derivativesIn = new ArrayList<>();
            for (SummedTerm term : terms) {
                List<Operand<TFloat32>> termSums = term.sums(tf, part);
                List<Placeholder<TFloat32>> whole = placeholdersLike(tf, termSums);
                List<Placeholder<TFloat32>> derivative = placeholdersLike(tf, termSums);
                total = tf.math.add(total, term.buildFrom(tf, List.copyOf(whole)));
                for (int k = 0; k < termSums.size(); k++) {
                    surrogate = tf.math.add(surrogate, SummedTerm.sumOfAll(tf,
                            tf.math.mul(termSums.get(k), derivative.get(k))));
                }
                overTiles.addAll(termSums);
                wholes.addAll(whole);
                derivativesIn.addAll(derivative);
            }
            var byWholeSums = tf.gradients(total, wholes);
            for (int k = 0; k < overTiles.size(); k++) {
                sums.add(new Sum(overTiles.get(k), wholes.get(k), byWholeSums.dy(k), derivativesIn.get(k)));
            }
            var byPixels = tf.gradients(surrogate, List.of(tile, part.pixelsWithNextInput()));
            tileGradient = byPixels.dy(0);
            pixelsGradient = byPixels.dy(1);
            if (neighbours != null) {
                neighbourStyle = new NeighbourStyle(neighbours, new NeighbourTargets(tf, spec.styleLayers(), channels,
                        spec.styleBlend(), width, height, engine.precision()), this::hypercolumnsOf, graph.session());
                coreHypercolumns = neighbours.hypercolumnsOf(tf, part);
                styleSums = List.of();
                styleStatistics = List.of();
            } else {
                neighbourStyle = null;
                coreHypercolumns = null;
                styleSums = style.targetSums(tf, part);
                styleWholeSums.addAll(placeholdersLike(tf, styleSums));
                spec.styleLayers().keySet().forEach(layer -> stylePositions.put(layer,
                        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()))));
                styleStatistics = style.targetStatistics(tf, List.copyOf(styleWholeSums), stylePositions);
            }
        } catch (RuntimeException e) {
            terms.forEach(LossTerm::close);
            graph.close();
            throw e;
        }
    }

    /** An added term as one of this graph's: its sums over each core's pixels. */
    private SummedTerm overPixels(SummedImageTerm term) {
        return new SummedTerm(term.name()) {
            @Override
            List<Operand<TFloat32>> sums(Ops tf, ImagePart image) {
                return term.sums(tf, image.pixels());
            }

            @Override
            Operand<TFloat32> valueOf(Ops tf, List<Operand<TFloat32>> sums) {
                return term.valueOf(tf, sums, width, height);
            }
        };
    }

    private static List<Placeholder<TFloat32>> placeholdersLike(Ops tf, List<Operand<TFloat32>> operands) {
        List<Placeholder<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> op : operands) {
            out.add(tf.placeholder(TFloat32.class, Placeholder.shape(op.shape())));
        }
        return out;
    }

    /** The product of the strides up to the layer; only SAME-padded networks line up tile by tile. */
    static int strideOf(NetworkArchitecture arch, String layerName) {
        if (arch.unseenEdge() != 0) {
            throw new IllegalArgumentException(arch.name() + " cannot be tiled: its unpadded layers do not line up "
                    + "tile by tile");
        }
        int s = 1;
        for (Layer layer : arch.layers().subList(0, arch.indexOf(layerName) + 1)) {
            if (layer instanceof Layer.Convolution c) {
                s *= c.stride();
            } else if (layer instanceof Layer.Pool p) {
                s *= p.stride();
            }
        }
        return s;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Receives (tile passes done, tile passes in the evaluation) as an evaluation goes. */
    public void onTileDone(BiConsumer<Integer, Integer> listener) {
        tileDone = listener;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Takes the content features, tile by tile, from a content image of this graph's size. */
    @Override
    public void setContent(RgbImage contentImage) {
        if (contentImage.width() != width || contentImage.height() != height) {
            throw new IllegalArgumentException("content image is " + contentImage.width() + "x"
                    + contentImage.height() + ", graph is " + width + "x" + height);
        }
        Set<String> layers = spec.contentLayers().keySet();
        List<float[]> features = new ArrayList<>();
        for (String layer : layers) {
            int s = strides.get(layer);
            features.add(new float[ceilDiv(height, s) * ceilDiv(width, s) * architecture.outputChannels(layer)]);
        }
        for (TileGrid.Tile t : grid.tiles(0, 0)) {
            List<Tensor> fed = new ArrayList<>();
            Session.Runner runner = graph.session().runner();
            try {
                part.feedTile(runner, contentImage.pixels(), width, t, layers, fed);
                layers.forEach(layer -> runner.fetch(part.features(layer)));
                try (Result result = runner.run()) {
                    int k = 0;
                    for (String layer : layers) {
                        part.paste(Tensors.toArray(result.get(k)), layer, architecture.outputChannels(layer), t,
                                features.get(k));
                        k++;
                    }
                }
            } finally {
                fed.forEach(Tensor::close);
            }
        }
        content.setContentValues(features);
        if (neighbourStyle != null) {
            neighbourStyle.setPhoto(contentImage);
        }
    }

    /**
     * Neural neighbours search their targets from the image the optimisation starts at, mixed with the content
     * image ({@link NeighbourStyle#startFrom}), its hypercolumns taken tile by tile; a loss of statistics ignores it.
     */
    @Override
    public void startFrom(float[] pixels) {
        if (neighbourStyle != null) {
            neighbourStyle.startFrom(pixels);
        }
    }

    /**
     * The neighbours' hypercolumns of an image of any size, read out tile by tile on its own grid of tiles: each
     * core's cells are the whole image's ({@link Hypercolumns}), so the pieces make the whole.
     */
    private float[] hypercolumnsOf(RgbImage image) {
        int depth = (int) coreHypercolumns.shape().size(3);
        int stride = Hypercolumns.STRIDE;
        float[] whole = new float[Hypercolumns.gridSide(image.height()) * Hypercolumns.gridSide(image.width()) * depth];
        TileGrid imageGrid = new TileGrid(image.width(), image.height(), grid.core(), grid.halo(), grid.alignment());
        for (TileGrid.Tile t : imageGrid.tiles(0, 0)) {
            List<Tensor> fed = new ArrayList<>();
            Session.Runner runner = graph.session().runner();
            try {
                part.feedTile(runner, image.pixels(), image.width(), t, spec.layers(), fed);
                try (Result result = runner.fetch(coreHypercolumns).run()) {
                    TileImage.paste(Tensors.toArray(result.get(0)), stride, depth, t, image.width(), whole);
                }
            } finally {
                fed.forEach(Tensor::close);
            }
        }
        return whole;
    }

    /**
     * Takes each style's statistics, tile by tile, from the style images (any size); or, under neural neighbours,
     * their hypercolumns as the search's candidates.
     */
    @Override
    public void setStyles(List<RgbImage> styles) {
        if (styles.size() != spec.styleCount()) {
            throw new IllegalArgumentException(styles.size() + " style images for " + spec.styleCount() + " blend weights");
        }
        if (neighbours != null) {
            neighbourStyle.setStyles(styles, java.util.Collections.nCopies(styles.size(), null));
            return;
        }
        List<List<TFloat32>> perStyle = new ArrayList<>();
        try {
            for (RgbImage image : styles) {
                perStyle.add(styleStatistics(image));
            }
        } catch (RuntimeException e) {
            perStyle.forEach(list -> list.forEach(Tensor::close));
            throw e;
        }
        style.setStyleStatistics(perStyle);
    }

    /** One style image's statistics, from its sums over its own tiles' cores. */
    private List<TFloat32> styleStatistics(RgbImage image) {
        TileGrid styleGrid = new TileGrid(image.width(), image.height(), grid.core(), grid.halo(), grid.alignment());
        Set<String> layers = spec.styleLayers().keySet();
        double[][] totals = new double[styleSums.size()][];
        for (TileGrid.Tile t : styleGrid.tiles(0, 0)) {
            List<Tensor> fed = new ArrayList<>();
            Session.Runner runner = graph.session().runner();
            try {
                part.feedTile(runner, image.pixels(), image.width(), t, layers, fed);
                styleSums.forEach(runner::fetch);
                try (Result result = runner.run()) {
                    addTo(totals, result);
                }
            } finally {
                fed.forEach(Tensor::close);
            }
        }
        List<Tensor> fed = new ArrayList<>();
        Session.Runner runner = graph.session().runner();
        try {
            feedSums(runner, styleWholeSums, totals, fed);
            for (String layer : layers) {
                int s = strides.get(layer);
                long positions = (long) ceilDiv(image.height(), s) * ceilDiv(image.width(), s);
                runner.feed(stylePositions.get(layer), keep(fed, TFloat32.scalarOf((float) positions)));
            }
            styleStatistics.forEach(runner::fetch);
            try (Result result = runner.run()) {
                List<TFloat32> out = new ArrayList<>();
                for (int k = 0; k < styleStatistics.size(); k++) {
                    Tensor t = result.get(k);
                    out.add(Tensors.of(Tensors.toArray(t), Tensors.shape(t)));
                }
                return out;
            }
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    /**
     * Where each style is painted, one region per style (null: everywhere), any size: as in the whole image's graph
     * ({@link StyleTransferGraph#setStyleRegions}), each style layer sees the region shrunk by half its reach.
     * Only for a loss built with style regions.
     */
    public void setStyleRegions(List<StyleRegion> regions) {
        if (!spec.styleRegions() || regions.size() != spec.styleCount()) {
            throw new IllegalArgumentException("one region per style, for a loss built with style regions");
        }
        painted = StyleRegion.painted(regions, width, height);
        if (neighbours != null) {
            neighbourStyle.setRegions(regions);
            return;
        }
        style.setRegions(regions, architecture);
    }

    @Override
    public StyleRegion painted() {
        return painted;
    }

    /**
     * Holds the image to a previous frame warped into this one, with a weight per pixel (0..1, row-major), as
     * {@link StyleTransferGraph#setTemporalTarget}. Only for a loss built with a temporal weight.
     */
    public void setTemporalTarget(RgbImage warped, float[] mask) {
        if (temporal == null) {
            throw new IllegalStateException("this graph was built without a temporal term");
        }
        temporal.set(warped, mask);
    }

    /**
     * The loss at the image (RGB 0..255, row-major H x W x 3), evaluated tile by tile on a grid moved by a random
     * offset; writes d(total)/d(pixel) into gradientOut (if not null).
     */
    @Override
    public LossTerms evaluate(float[] pixels, float[] gradientOut) {
        if (!terms.stream().allMatch(LossTerm::ready)) {
            throw new IllegalStateException("set the content and style targets before evaluating");
        }
        int a = grid.alignment();
        // Exact: the fewest tiles (a shifted grid adds a row and a column of part-tiles, each with its halos).
        // Not exact: the grid moves by a random offset, so that no tile edge stays anywhere long enough for a seam.
        List<TileGrid.Tile> tiles = exact ? grid.fewestTiles(shifts)
                : grid.tiles(a * shifts.nextInt(grid.core() / a), a * shifts.nextInt(grid.core() / a));
        if (gradientOut != null) {
            Arrays.fill(gradientOut, 0f);
        }
        int passes = gradientOut == null ? tiles.size() : 2 * tiles.size();
        int done = 0;
        double[][] totals = new double[sums.size()][];
        for (TileGrid.Tile t : tiles) {
            runTile(pixels, t, (runner, fed) -> sums.forEach(sum -> runner.fetch(sum.overTile())),
                    result -> addTo(totals, result));
            tileDone.accept(++done, passes);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<float[]> d = new ArrayList<>();
        double total = values(totals, gradientOut != null, values, d);
        if (gradientOut != null) {
            for (TileGrid.Tile t : tiles) {
                runTile(pixels, t, (runner, fed) -> {
                    feedDerivatives(runner, d, fed);
                    runner.fetch(tileGradient).fetch(pixelsGradient);
                }, result -> {
                    part.addTileGradient(Tensors.toArray(result.get(0)), t, gradientOut);
                    part.addPixelsGradient(Tensors.toArray(result.get(1)), t, gradientOut);
                });
                tileDone.accept(++done, passes);
            }
        }
        return new LossTerms(values, total);
    }

    /**
     * Each term's value from the whole image's sums into {@code values}, and with {@code withDerivatives} the
     * derivative of the loss by every sum, in order, into {@code d}; returns the total.
     */
    private double values(double[][] totals, boolean withDerivatives, Map<String, Double> values, List<float[]> d) {
        List<Tensor> fed = new ArrayList<>();
        Session.Runner runner = graph.session().runner();
        try {
            for (int k = 0; k < sums.size(); k++) {
                Placeholder<TFloat32> whole = sums.get(k).whole();
                runner.feed(whole, keep(fed, Tensors.of(toFloats(totals[k]), whole.shape().asArray())));
            }
            terms.forEach(term -> term.feed(runner));
            terms.forEach(term -> runner.fetch(term.value()));
            if (withDerivatives) {
                sums.forEach(sum -> runner.fetch(sum.derivative()));
            }
            try (Result result = runner.run()) {
                double total = 0;
                for (int i = 0; i < terms.size(); i++) {
                    double value = Tensors.scalar(result.get(i));
                    values.put(terms.get(i).name(), value);
                    total += value;
                }
                for (int i = terms.size(); withDerivatives && i < result.size(); i++) {
                    d.add(Tensors.toArray(result.get(i)));
                }
                return total;
            }
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    private void feedDerivatives(Session.Runner runner, List<float[]> d, List<Tensor> fed) {
        for (int k = 0; k < sums.size(); k++) {
            Placeholder<TFloat32> in = sums.get(k).derivativeIn();
            runner.feed(in, keep(fed, Tensors.of(d.get(k), in.shape().asArray())));
        }
    }

    /** One tile's run on the image being painted: its tile, its core's inputs, what {@code fetches} adds. */
    private void runTile(float[] pixels, TileGrid.Tile t, BiConsumer<Session.Runner, List<Tensor>> fetches,
                         Consumer<Result> read) {
        List<Tensor> fed = new ArrayList<>();
        Session.Runner runner = graph.session().runner();
        try {
            part.feedTile(runner, pixels, width, t, spec.layers(), fed);
            part.feedCore(runner, pixels, t, fed);
            terms.forEach(term -> term.feed(runner));
            fetches.accept(runner, fed);
            try (Result result = runner.run()) {
                read.accept(result);
            }
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    /** Adds each fetched sum to its running total, in double. */
    private static void addTo(double[][] sums, Result result) {
        for (int k = 0; k < sums.length; k++) {
            float[] values = Tensors.toArray(result.get(k));
            if (sums[k] == null) {
                sums[k] = new double[values.length];
            }
            for (int i = 0; i < values.length; i++) {
                sums[k][i] += values[i];
            }
        }
    }

    private static void feedSums(Session.Runner runner, List<Placeholder<TFloat32>> inputs, double[][] sums,
                                 List<Tensor> fed) {
        for (int k = 0; k < inputs.size(); k++) {
            runner.feed(inputs.get(k), keep(fed, Tensors.of(toFloats(sums[k]), inputs.get(k).shape().asArray())));
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static <T extends Tensor> T keep(List<Tensor> fed, T tensor) {
        fed.add(tensor);
        return tensor;
    }

    @Override
    public void close() {
        terms.forEach(LossTerm::close);
        if (neighbourStyle != null) {
            neighbourStyle.close();
        }
        graph.close();
    }

    /**
     * One of a term's sums: over a tile's core (fetched in pass 1), over the whole image (fed to the terms' values),
     * the derivative of the loss by it (fetched with them), and that derivative fed back to pass 2.
     */
    private record Sum(Operand<TFloat32> overTile, Placeholder<TFloat32> whole, Output<TFloat32> derivative,
                       Placeholder<TFloat32> derivativeIn) {
    }
}
