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
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The loss and gradient of an image too large to evaluate whole, computed tile by tile (print sizes; see
 * {@link TileGrid}). Each tile runs the network on its core plus a halo of context and keeps the features of its
 * core only, so every feature is computed once. The design rests on the style statistics being sums over pixels:
 *
 * <ol>
 * <li>Pass 1, forward only: each tile's core adds its F^T F to the whole image's sum S_l at every style layer, and
 * its squared content error to the content sum. The Gram matrix of the whole image is G_l = S_l / (N_l C_l),
 * exactly as if the image had been evaluated whole, and so is the loss.</li>
 * <li>Pass 2: the derivative of the loss by S_l is then a fixed C x C matrix D_l, and the gradient of the whole
 * loss with respect to a tile's pixels is that of the tile's own surrogate sum_l &lt;D_l, F_core^T F_core&gt; plus its
 * content term. The tiles' gradients, halos included, add up to the whole image's.</li>
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
 * in one place long enough to leave a seam (as crowsonkb's earlier style_transfer did). Total variation is computed on the whole image directly. Gram
 * statistics only; no temporal term (video frames are small enough to run whole).
 *
 * <p>Owns every native resource it uses; close it when done.
 */
public final class TiledStyleTransferGraph implements ImageLoss {

    /**
     * The context around each core that makes its features exactly the whole image's: the deepest layer's
     * receptive reach ({@link NetworkArchitecture#receptiveReach}), rounded up to the grid's alignment. VGG-19 to
     * relu5_1: 85 px, so 96. (A fixed 128 px halo before: each tile computed a third more context than needed.)
     */
    public static int exactHalo(NetworkArchitecture arch, java.util.Collection<String> layers) {
        int alignment = layers.stream().mapToInt(l -> strideOf(arch, l)).max().orElse(1);
        return ceilDiv(arch.receptiveReach(layers), alignment) * alignment;
    }

    private final GraphSession graph;
    private final LossSpec spec;
    private final int width;
    private final int height;
    private final TileGrid grid;
    private final Random shifts;
    /** Whether the halo makes every tile's features the whole image's, so that where the tiles lie cannot matter. */
    private final boolean exact;
    private final Placeholder<TFloat32> tile;
    /** Per layer the loss reads: where its core lies in the tile's feature map (begin and size, NHWC). */
    private final Map<String, Placeholder<TInt32>> coreBegin = new LinkedHashMap<>();
    private final Map<String, Placeholder<TInt32>> coreSize = new LinkedHashMap<>();
    private final Map<String, Integer> stride = new LinkedHashMap<>();
    private final Map<String, Integer> channels = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> coreFeatures = new LinkedHashMap<>();
    /** Style layers: the core's F^T F, and the fed derivative of the loss by the whole image's sum. */
    private final Map<String, Operand<TFloat32>> coreGram = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> gramDerivative = new LinkedHashMap<>();
    /** Content layers: the fed content features of the core, and the core's summed squared error. */
    private final Map<String, Placeholder<TFloat32>> contentTarget = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> contentError = new LinkedHashMap<>();
    private final Output<TFloat32> gradient;
    /** The content image's features at each content layer, whole, [H_l, W_l, C] row-major. */
    private final Map<String, float[]> contentFeatures = new LinkedHashMap<>();
    /** Each style's Gram matrices A_{l,i} at each style layer. */
    private final List<Map<String, float[]>> styleGrams = new ArrayList<>();
    /** Told (passes done, passes in this evaluation) after each tile pass. */
    private java.util.function.BiConsumer<Integer, Integer> tileDone = (done, total) -> { };
    /**
     * With style regions, per style at each style layer: the core's F^T diag(m) F, the region's weights m of the
     * core fed per tile, and the fed derivative of the loss by the whole image's sum; the region at the layer's
     * resolution, whole, and its area.
     */
    private final List<Map<String, Operand<TFloat32>>> regionGram = new ArrayList<>();
    private final List<Map<String, Placeholder<TFloat32>>> regionInput = new ArrayList<>();
    private final List<Map<String, Placeholder<TFloat32>>> regionDerivative = new ArrayList<>();
    private final List<Map<String, float[]>> regionAtLayer = new ArrayList<>();
    /** Each region's area (sum of weights) at each style layer: fixed once the regions are set. */
    private final List<Map<String, Double>> regionArea = new ArrayList<>();
    private StyleRegion painted;
    private final NetworkArchitecture architecture;

    /**
     * @param core the tile core, px, rounded down to a multiple of the network's largest stride (16 for VGG)
     * @param halo context on each side, px, rounded up to a multiple of the same
     * @param seed for the grid's offsets
     */
    public TiledStyleTransferGraph(NetworkWeights weights, Pooling pooling, LossSpec spec, int width, int height,
                                   int core, int halo, long seed, EngineSettings engine) {
        NetworkArchitecture arch = weights.architecture();
        if (spec.styleLoss() != StyleLoss.Kind.GRAM || spec.hasTemporalTerm()) {
            throw new IllegalArgumentException("tiled runs use Gram style statistics and no temporal term");
        }
        if (spec.contentLoss() != ContentLoss.MSE) {
            throw new IllegalArgumentException("tiled runs hold the content by feature MSE (not self-similarity)");
        }
        if (!spec.imageTerms().isEmpty()) {
            throw new IllegalArgumentException("tiled runs have the content, style and tv terms only (no added terms)");
        }
        int alignment = 1;
        for (String layer : spec.layers()) {
            int s = strideOf(arch, layer);
            stride.put(layer, s);
            channels.put(layer, arch.outputChannels(layer));
            alignment = Math.max(alignment, s);
        }
        this.spec = spec;
        this.architecture = arch;
        this.width = width;
        this.height = height;
        this.grid = new TileGrid(width, height, Math.max(alignment, core / alignment * alignment),
                ceilDiv(halo, alignment) * alignment, alignment);
        this.shifts = new Random(seed);
        this.exact = grid.halo() >= exactHalo(arch, spec.layers());
        this.graph = new GraphSession(engine);
        try {
            Ops tf = graph.ops();
            FeatureNetwork network = new FeatureNetwork(tf, weights, pooling, engine.precision());
            tile = tf.withName("tile").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
            Map<String, Operand<TFloat32>> features = network.apply(tile, spec.layers());
            Operand<TFloat32> surrogate = tf.constant(0f);
            for (String layer : spec.layers()) {
                Placeholder<TInt32> begin = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
                Placeholder<TInt32> size = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
                coreBegin.put(layer, begin);
                coreSize.put(layer, size);
                coreFeatures.put(layer, tf.slice(features.get(layer), begin, size));
            }
            for (Map.Entry<String, Double> e : spec.styleLayers().entrySet()) {
                String layer = e.getKey();
                int c = channels.get(layer);
                Operand<TFloat32> f = tf.reshape(coreFeatures.get(layer), tf.constant(new long[] {-1, c}));
                Operand<TFloat32> gram = tf.linalg.matMul(f, f, MatMul.transposeA(true));
                coreGram.put(layer, gram); // the style images' statistics, and the image's without regions
                if (spec.styleRegions()) {
                    continue;
                }
                Placeholder<TFloat32> derivative = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(c, c)));
                gramDerivative.put(layer, derivative);
                surrogate = tf.math.add(surrogate, sum(tf, tf.math.mul(gram, derivative)));
            }
            for (int i = 0; spec.styleRegions() && i < spec.styleCount(); i++) {
                Map<String, Operand<TFloat32>> grams = new LinkedHashMap<>();
                Map<String, Placeholder<TFloat32>> inputs = new LinkedHashMap<>();
                Map<String, Placeholder<TFloat32>> derivatives = new LinkedHashMap<>();
                for (String layer : spec.styleLayers().keySet()) {
                    int c = channels.get(layer);
                    Operand<TFloat32> f = tf.reshape(coreFeatures.get(layer), tf.constant(new long[] {-1, c}));
                    Placeholder<TFloat32> m = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1,
                            Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 1)));
                    Operand<TFloat32> gram = tf.linalg.matMul(tf.math.mul(f, tf.reshape(m, tf.constant(new long[] {-1, 1}))),
                            f, MatMul.transposeA(true));
                    Placeholder<TFloat32> derivative = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(c, c)));
                    grams.put(layer, gram);
                    inputs.put(layer, m);
                    derivatives.put(layer, derivative);
                    surrogate = tf.math.add(surrogate, sum(tf, tf.math.mul(gram, derivative)));
                }
                regionGram.add(grams);
                regionInput.add(inputs);
                regionDerivative.add(derivatives);
            }
            for (Map.Entry<String, Double> e : spec.contentLayers().entrySet()) {
                String layer = e.getKey();
                Placeholder<TFloat32> target = tf.placeholder(TFloat32.class, Placeholder.shape(
                        Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, channels.get(layer))));
                Operand<TFloat32> error = sum(tf, tf.math.squaredDifference(coreFeatures.get(layer), target));
                contentTarget.put(layer, target);
                contentError.put(layer, error);
                // w_c b_l mean((F - P)^2) over the whole image's N_l C values
                double factor = spec.contentWeight() * e.getValue() / ((double) valuesAt(layer, width, height));
                surrogate = tf.math.add(surrogate, Losses.scaled(tf, error, factor));
            }
            gradient = tf.gradients(surrogate, List.of(tile)).dy(0);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
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

    private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
    }

    /** H_l x W_l x C at a layer for an image of this size (SAME padding: each stride rounds up). */
    private long valuesAt(String layer, int w, int h) {
        int s = stride.get(layer);
        return (long) ceilDiv(h, s) * ceilDiv(w, s) * channels.get(layer);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Receives (tile passes done, tile passes in the evaluation) as an evaluation goes. */
    public void onTileDone(java.util.function.BiConsumer<Integer, Integer> listener) {
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
    public void setContent(RgbImage content) {
        if (content.width() != width || content.height() != height) {
            throw new IllegalArgumentException("content image is " + content.width() + "x" + content.height()
                    + ", graph is " + width + "x" + height);
        }
        contentFeatures.clear();
        for (String layer : spec.contentLayers().keySet()) {
            int s = stride.get(layer);
            contentFeatures.put(layer, new float[ceilDiv(height, s) * ceilDiv(width, s) * channels.get(layer)]);
        }
        for (TileGrid.Tile t : grid.tiles(0, 0)) {
            try (TileRun run = runnerFor(content.pixels(), width, t, spec.contentLayers().keySet());
                 Result result = fetching(run, spec.contentLayers().keySet().stream().map(coreFeatures::get).toList())) {
                int k = 0;
                for (String layer : spec.contentLayers().keySet()) {
                    int s = stride.get(layer);
                    paste(Tensors.toArray(result.get(k++)), contentFeatures.get(layer), ceilDiv(width, s),
                            channels.get(layer), t.coreTop() / s, t.coreLeft() / s, coreRows(t, s), coreColumns(t, s));
                }
            }
        }
    }

    /** Takes each style's Gram matrices, tile by tile, from the style images (any size). */
    @Override
    public void setStyles(List<RgbImage> styles) {
        if (styles.size() != spec.styleCount()) {
            throw new IllegalArgumentException(styles.size() + " style images for " + spec.styleCount() + " blend weights");
        }
        styleGrams.clear();
        for (RgbImage style : styles) {
            Map<String, double[]> sums = styleGramSums(style);
            Map<String, float[]> grams = new LinkedHashMap<>();
            sums.forEach((layer, s) -> grams.put(layer, scaled(s, 1.0 / valuesAt(layer, style.width(), style.height()))));
            styleGrams.add(grams);
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
        regionAtLayer.clear();
        regionArea.clear();
        for (StyleRegion region : regions) {
            StyleRegion atImage = region == null ? StyleRegion.everywhere(width, height) : region.resizedTo(width, height);
            Map<String, float[]> perLayer = new LinkedHashMap<>();
            Map<String, Double> areas = new LinkedHashMap<>();
            for (String layer : spec.styleLayers().keySet()) {
                int s = stride.get(layer);
                StyleRegion atLayer = atImage.atLayer(architecture.receptiveReach(List.of(layer)), ceilDiv(width, s),
                        ceilDiv(height, s));
                perLayer.put(layer, atLayer.weights());
                areas.put(layer, atLayer.coverage() * atLayer.weights().length);
            }
            regionAtLayer.add(perLayer);
            regionArea.add(areas);
        }
    }

    @Override
    public StyleRegion painted() {
        return painted;
    }

    /**
     * The loss at the image (RGB 0..255, row-major H x W x 3), evaluated tile by tile on a grid moved by a random
     * offset; writes d(total)/d(pixel) into gradientOut (if not null).
     */
    @Override
    public LossTerms evaluate(float[] pixels, float[] gradientOut) {
        if (contentFeatures.isEmpty() && !spec.contentLayers().isEmpty() || styleGrams.isEmpty()
                || spec.styleRegions() && regionAtLayer.isEmpty()) {
            throw new IllegalStateException("set the content and style targets before evaluating");
        }
        int a = grid.alignment();
        // Exact: the fewest tiles (a shifted grid adds a row and a column of part-tiles, each with its halos).
        // Not exact: the grid moves by a random offset, so that no tile edge stays anywhere long enough for a seam.
        List<TileGrid.Tile> tiles = exact ? grid.fewestTiles(shifts)
                : grid.tiles(a * shifts.nextInt(grid.core() / a), a * shifts.nextInt(grid.core() / a));
        if (gradientOut != null) {
            java.util.Arrays.fill(gradientOut, 0f);
        }
        double tv = spec.tvWeight() * TotalVariation.of(pixels, width, height, gradientOut, spec.tvWeight());
        Statistics statistics = new Statistics();
        Passes passes = new Passes(gradientOut == null ? tiles.size() : 2 * tiles.size());
        passes.run(tiles, t -> passTile(pixels, t, statistics, null, null));
        if (gradientOut != null) {
            Map<String, float[]> derivatives = statistics.derivatives();
            passes.run(tiles, t -> passTile(pixels, t, null, derivatives, gradientOut));
        }
        double content = statistics.contentLoss();
        double style = statistics.styleLoss();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(LossTerms.CONTENT, content);
        values.put(LossTerms.STYLE, style);
        values.put(LossTerms.TV, tv);
        return new LossTerms(values, content + style + tv);
    }

    /** The tile passes of one evaluation, counted for the progress listener as they are done. */
    private final class Passes {
        private final int total;
        private int done;

        Passes(int total) {
            this.total = total;
        }

        void run(List<TileGrid.Tile> tiles, java.util.function.Consumer<TileGrid.Tile> pass) {
            for (TileGrid.Tile t : tiles) {
                pass.accept(t);
                tileDone.accept(++done, total);
            }
        }
    }

    /**
     * One tile's run. With {@code into}, adds its core's F^T F at each style layer and its squared content errors
     * (pass 1); with derivatives, adds its gradient of sum_l &lt;D_l, F_core^T F_core&gt; + content to out, halo
     * included (pass 2).
     */
    private void passTile(float[] pixels, TileGrid.Tile t, Statistics into, Map<String, float[]> derivatives,
                          float[] out) {
        List<Operand<TFloat32>> fetches = new ArrayList<>();
        if (into != null) {
            if (spec.styleRegions()) {
                regionGram.forEach(grams -> fetches.addAll(grams.values()));
            } else {
                spec.styleLayers().keySet().forEach(l -> fetches.add(coreGram.get(l)));
            }
            spec.contentLayers().keySet().forEach(l -> fetches.add(contentError.get(l)));
        }
        if (derivatives != null) {
            fetches.add(gradient);
        }
        try (TileRun run = runnerFor(pixels, width, t, spec.layers())) {
            feedContentTargets(run, t);
            if (spec.styleRegions()) {
                feedRegions(run, t, derivatives);
            }
            for (String layer : derivatives == null || spec.styleRegions() ? List.<String>of() : spec.styleLayers().keySet()) {
                int c = channels.get(layer);
                run.runner.feed(gramDerivative.get(layer), run.fed(Tensors.of(derivatives.get(layer), c, c)));
            }
            try (Result result = fetching(run, fetches)) {
                int k = 0;
                if (into != null) {
                    for (int i = 0; spec.styleRegions() && i < spec.styleCount(); i++) {
                        for (String layer : spec.styleLayers().keySet()) {
                            into.addGram(key(i, layer), Tensors.toArray(result.get(k++)));
                        }
                    }
                    for (String layer : spec.styleRegions() ? List.<String>of() : spec.styleLayers().keySet()) {
                        into.addGram(layer, Tensors.toArray(result.get(k++)));
                    }
                    for (int c = 0; c < spec.contentLayers().size(); c++) {
                        into.contentSquares[c] += Tensors.scalar(result.get(k++));
                    }
                }
                if (derivatives != null) {
                    float[] g = Tensors.toArray(result.get(k));
                    int tw = t.width();
                    for (int y = 0; y < t.height(); y++) {
                        int row = ((t.top() + y) * width + t.left()) * 3;
                        for (int i = 0; i < tw * 3; i++) {
                            out[row + i] += g[y * tw * 3 + i];
                        }
                    }
                }
            }
        }
    }

    /** The sums of F^T F over the style image's cores at each style layer (forward only, no content). */
    private Map<String, double[]> styleGramSums(RgbImage style) {
        TileGrid styleGrid = new TileGrid(style.width(), style.height(), grid.core(), grid.halo(), grid.alignment());
        Map<String, double[]> sums = new LinkedHashMap<>();
        spec.styleLayers().keySet().forEach(l -> sums.put(l, new double[channels.get(l) * channels.get(l)]));
        for (TileGrid.Tile t : styleGrid.tiles(0, 0)) {
            try (TileRun run = runnerFor(style.pixels(), style.width(), t, spec.styleLayers().keySet());
                 Result result = fetching(run, spec.styleLayers().keySet().stream().map(coreGram::get).toList())) {
                int k = 0;
                for (String layer : spec.styleLayers().keySet()) {
                    add(sums.get(layer), Tensors.toArray(result.get(k++)));
                }
            }
        }
        return sums;
    }

    private static void add(double[] sum, float[] values) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }

    /**
     * The whole image's statistics, summed over the cores of one evaluation: S_l = sum of F^T F at each style
     * layer and the squared content errors. From them the loss, and its derivative D_l by each S_l.
     */
    private final class Statistics {
        final Map<String, double[]> gramSums = new LinkedHashMap<>();
        final double[] contentSquares = new double[spec.contentLayers().size()];

        Statistics() {
            for (String l : spec.styleLayers().keySet()) {
                int c = channels.get(l);
                if (!spec.styleRegions()) {
                    gramSums.put(l, new double[c * c]);
                }
                for (int i = 0; spec.styleRegions() && i < spec.styleCount(); i++) {
                    gramSums.put(key(i, l), new double[c * c]);
                }
            }
        }

        void addGram(String layer, float[] gram) {
            add(gramSums.get(layer), gram);
        }

        /** sum over layers and styles of w_s b_i b_l |S_l / N_l - A_{l,i}|^2 / C_l^2. */
        double styleLoss() {
            if (spec.styleRegions()) {
                return regionStyle(null);
            }
            double style = 0;
            for (Map.Entry<String, Double> e : spec.styleLayers().entrySet()) {
                String layer = e.getKey();
                int c = channels.get(layer);
                double n = valuesAt(layer, width, height);
                double[] s = gramSums.get(layer);
                for (int i = 0; i < spec.styleCount(); i++) {
                    float[] target = styleGrams.get(i).get(layer);
                    double squares = 0;
                    for (int k = 0; k < s.length; k++) {
                        double d = s[k] / n - target[k];
                        squares += d * d;
                    }
                    style += styleWeight(i, e.getValue()) * squares / ((double) c * c);
                }
            }
            return style;
        }

        /**
         * With regions (as {@link StyleTerm}'s): sum over styles i and layers l of w_s b_i n v_l mean(m_il)
         * |S_il / (C_l a_il) - A_il|^2 / C_l^2, S_il the sum over cores of F^T diag(m_il) F and a_il the region's
         * area at the layer. With {@code derivatives}, each D_il = d(loss)/d(S_il) goes there.
         */
        private double regionStyle(Map<String, float[]> derivatives) {
            double style = 0;
            for (int i = 0; i < spec.styleCount(); i++) {
                for (Map.Entry<String, Double> e : spec.styleLayers().entrySet()) {
                    String layer = e.getKey();
                    int c = channels.get(layer);
                    double area = regionArea.get(i).get(layer);
                    double weight = spec.styleWeight() * spec.styleBlend()[i] * spec.styleCount() * e.getValue()
                            * area / regionAtLayer.get(i).get(layer).length;
                    double normaliser = c * Math.max(area, 1e-6);
                    double[] s = gramSums.get(key(i, layer));
                    float[] target = styleGrams.get(i).get(layer);
                    float[] derivative = new float[c * c];
                    double squares = 0;
                    for (int k = 0; k < s.length; k++) {
                        double d = s[k] / normaliser - target[k];
                        squares += d * d;
                        derivative[k] = (float) (weight * 2 * d / ((double) c * c) / normaliser);
                    }
                    style += weight * squares / ((double) c * c);
                    if (derivatives != null) {
                        derivatives.put(key(i, layer), derivative);
                    }
                }
            }
            return style;
        }

        /** D_l = d(style loss)/d(S_l) = sum over styles of w 2 (S_l / N_l - A_{l,i}) / (C_l^2 N_l). */
        Map<String, float[]> derivatives() {
            Map<String, float[]> derivatives = new LinkedHashMap<>();
            if (spec.styleRegions()) {
                regionStyle(derivatives);
                return derivatives;
            }
            for (Map.Entry<String, Double> e : spec.styleLayers().entrySet()) {
                String layer = e.getKey();
                int c = channels.get(layer);
                double n = valuesAt(layer, width, height);
                double[] s = gramSums.get(layer);
                float[] derivative = new float[c * c];
                for (int i = 0; i < spec.styleCount(); i++) {
                    float[] target = styleGrams.get(i).get(layer);
                    double weight = styleWeight(i, e.getValue());
                    for (int k = 0; k < derivative.length; k++) {
                        derivative[k] += (float) (weight * 2 * (s[k] / n - target[k]) / ((double) c * c) / n);
                    }
                }
                derivatives.put(layer, derivative);
            }
            return derivatives;
        }

        /** sum over content layers of w_c b_l mean((F - P)^2) over the whole image's N_l C_l values. */
        double contentLoss() {
            double content = 0;
            int k = 0;
            for (Map.Entry<String, Double> e : spec.contentLayers().entrySet()) {
                content += spec.contentWeight() * e.getValue() * contentSquares[k++] / valuesAt(e.getKey(), width, height);
            }
            return content;
        }

        private double styleWeight(int style, double layerWeight) {
            return spec.styleWeight() * spec.styleBlend()[style] * layerWeight;
        }
    }

    private static Result fetching(TileRun run, List<? extends Operand<TFloat32>> operations) {
        operations.forEach(run.runner::fetch);
        return run.runner.run();
    }

    /** A runner fed the tile's pixels and its core's place at each layer. Tensors fed are closed after the run. */
    private TileRun runnerFor(float[] pixels, int imageWidth, TileGrid.Tile t, Iterable<String> layers) {
        float[] crop = new float[t.height() * t.width() * 3];
        for (int y = 0; y < t.height(); y++) {
            System.arraycopy(pixels, ((t.top() + y) * imageWidth + t.left()) * 3, crop, y * t.width() * 3, t.width() * 3);
        }
        TileRun run = new TileRun(graph.session().runner());
        run.runner.feed(tile, run.fed(Tensors.of(crop, 1, t.height(), t.width(), 3)));
        for (String layer : layers) {
            int s = stride.get(layer);
            TInt32 begin = run.fed(TInt32.vectorOf(0, (t.coreTop() - t.top()) / s, (t.coreLeft() - t.left()) / s, 0));
            TInt32 size = run.fed(TInt32.vectorOf(1, coreRows(t, s), coreColumns(t, s), -1));
            run.runner.feed(coreBegin.get(layer), begin).feed(coreSize.get(layer), size);
        }
        return run;
    }

    /** Each style's region over the tile's core at each style layer and, in the gradient pass, its derivative. */
    private void feedRegions(TileRun run, TileGrid.Tile t, Map<String, float[]> derivatives) {
        for (int i = 0; i < spec.styleCount(); i++) {
            for (String layer : spec.styleLayers().keySet()) {
                int s = stride.get(layer);
                float[] part = core(regionAtLayer.get(i).get(layer), ceilDiv(width, s), 1, t, s);
                run.runner.feed(regionInput.get(i).get(layer), run.fed(Tensors.of(part, 1, coreRows(t, s),
                        coreColumns(t, s), 1)));
                if (derivatives != null) {
                    int c = channels.get(layer);
                    run.runner.feed(regionDerivative.get(i).get(layer), run.fed(Tensors.of(derivatives.get(key(i, layer)),
                            c, c)));
                }
            }
        }
    }

    /** The statistics' key of style i's region at a layer. */
    private static String key(int style, String layer) {
        return style + "/" + layer;
    }

    /** The tile's core of a whole layer's values (c per position), row-major. */
    private static float[] core(float[] whole, int wholeWidth, int c, TileGrid.Tile t, int s) {
        int rows = coreRows(t, s);
        int columns = coreColumns(t, s);
        float[] part = new float[rows * columns * c];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(whole, ((t.coreTop() / s + y) * wholeWidth + t.coreLeft() / s) * c, part,
                    y * columns * c, columns * c);
        }
        return part;
    }

    private void feedContentTargets(TileRun run, TileGrid.Tile t) {
        for (String layer : spec.contentLayers().keySet()) {
            int s = stride.get(layer);
            int c = channels.get(layer);
            float[] part = core(contentFeatures.get(layer), ceilDiv(width, s), c, t, s);
            run.runner.feed(contentTarget.get(layer), run.fed(Tensors.of(part, 1, coreRows(t, s), coreColumns(t, s), c)));
        }
    }

    /**
     * The core's rows at a layer of this stride. Inner grid lines are multiples of every stride; a core ending at
     * the image's edge ends at the layer's last row, which SAME padding rounds up.
     */
    private static int coreRows(TileGrid.Tile t, int s) {
        return ceilDiv(t.coreBottom(), s) - t.coreTop() / s;
    }

    private static int coreColumns(TileGrid.Tile t, int s) {
        return ceilDiv(t.coreRight(), s) - t.coreLeft() / s;
    }

    private static void paste(float[] part, float[] whole, int wholeWidth, int c, int top, int left, int rows, int columns) {
        for (int y = 0; y < rows; y++) {
            System.arraycopy(part, y * columns * c, whole, ((top + y) * wholeWidth + left) * c, columns * c);
        }
    }

    private static float[] scaled(double[] values, double factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] * factor);
        }
        return out;
    }

    /** One tile's run: its runner and the tensors fed to it, closed with it. */
    private static final class TileRun implements AutoCloseable {
        final Session.Runner runner;
        private final List<org.tensorflow.Tensor> fed = new ArrayList<>();

        TileRun(Session.Runner runner) {
            this.runner = runner;
        }

        <T extends org.tensorflow.Tensor> T fed(T tensor) {
            fed.add(tensor);
            return tensor;
        }

        @Override
        public void close() {
            fed.forEach(org.tensorflow.Tensor::close);
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
