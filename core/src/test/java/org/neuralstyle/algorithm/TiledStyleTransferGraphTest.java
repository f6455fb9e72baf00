package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.testing.TestNetworks;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TiledStyleTransferGraphTest {

    private final NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 5);

    @Test
    void theCoresPartitionTheImageOnAlignedLinesWhateverTheOffset() {
        TileGrid grid = new TileGrid(50, 37, 16, 8, 4);
        for (int[] offset : new int[][] {{0, 0}, {4, 12}, {12, 8}}) {
            int[] covered = new int[50 * 37];
            for (TileGrid.Tile t : grid.tiles(offset[0], offset[1])) {
                for (int y = t.coreTop(); y < t.coreBottom(); y++) {
                    for (int x = t.coreLeft(); x < t.coreRight(); x++) {
                        covered[y * 50 + x]++;
                    }
                }
                assertThat(t.top() % 4).isZero();
                assertThat(t.left() % 4).isZero();
                assertThat(t.top()).isEqualTo(Math.max(0, t.coreTop() - 8));
                assertThat(t.bottom()).isEqualTo(Math.min(37, t.coreBottom() + 8));
                assertThat(t.coreBottom() - t.coreTop()).isLessThanOrEqualTo(16);
            }
            assertThat(covered).containsOnly(1);
        }
        assertThatThrownBy(() -> new TileGrid(50, 37, 18, 8, 4)).hasMessageContaining("multiples of 4");
    }

    /**
     * The fewest tiles: ceil(side / core) a side (a shifted grid needs one more row and column), partitioning the
     * image on aligned lines with no core above the core size, and placed differently from draw to draw where the
     * core size leaves slack.
     */
    @Test
    void theFewestTilesPartitionTheImageAndMoveWithinTheSlack() {
        TileGrid grid = new TileGrid(50, 37, 16, 8, 4);
        java.util.Random random = new java.util.Random(3);
        java.util.Set<List<Integer>> placements = new java.util.HashSet<>();
        for (int draw = 0; draw < 20; draw++) {
            List<TileGrid.Tile> tiles = grid.fewestTiles(random);
            assertThat(tiles).hasSize(4 * 3); // ceil(50 / 16) x ceil(37 / 16)
            int[] covered = new int[50 * 37];
            for (TileGrid.Tile t : tiles) {
                for (int y = t.coreTop(); y < t.coreBottom(); y++) {
                    for (int x = t.coreLeft(); x < t.coreRight(); x++) {
                        covered[y * 50 + x]++;
                    }
                }
                assertThat(t.coreTop() % 4).isZero();
                assertThat(t.coreLeft() % 4).isZero();
                assertThat(t.coreBottom() - t.coreTop()).isBetween(1, 16);
                assertThat(t.coreRight() - t.coreLeft()).isBetween(1, 16);
            }
            assertThat(covered).containsOnly(1);
            placements.add(tiles.stream().flatMap(t -> java.util.stream.Stream.of(t.coreTop(), t.coreLeft())).toList());
        }
        assertThat(placements).hasSizeGreaterThan(5);
        // A side that is a whole number of cores has no slack: its tiles are the cores themselves.
        assertThat(new TileGrid(64, 32, 16, 8, 4).fewestTiles(random)).hasSize(8)
                .allMatch(t -> t.coreRight() - t.coreLeft() == 16 && t.coreBottom() - t.coreTop() == 16);
    }

    /**
     * With a halo wider than the network's receptive field every core feature is the whole image's, and the design
     * (Gram sums accumulated over cores, then each tile's gradient against the whole image's Gram) is exact: the
     * loss and the gradient equal the untiled graph's to float rounding, on an image that fits both ways.
     */
    /** An image that fits whole and in tiles of 12 px, its content, and two styles of other sizes. */
    private static final int SMALL_WIDTH = 44;
    private static final int SMALL_HEIGHT = 30;
    private static final RgbImage SMALL_CONTENT = StyleTransferGraphTest.randomImage(SMALL_WIDTH, SMALL_HEIGHT, 1);
    private static final RgbImage SMALL_IMAGE = StyleTransferGraphTest.randomImage(SMALL_WIDTH, SMALL_HEIGHT, 2);
    private static final List<RgbImage> TWO_STYLES = List.of(StyleTransferGraphTest.randomImage(36, 26, 3),
            StyleTransferGraphTest.randomImage(20, 24, 4));

    @Test
    void aTiledEvaluationEqualsTheUntiledLossAndGradient() {
        int w = SMALL_WIDTH;
        int h = SMALL_HEIGHT;
        RgbImage content = SMALL_CONTENT;
        RgbImage image = SMALL_IMAGE;
        List<RgbImage> styles = TWO_STYLES;
        StyleTransferOptions options = StyleTransferOptions.defaults(net.architecture()).toBuilder()
                .contentWeightBlend(0.7).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {2, 1});
        float[] whole = new float[w * h * 3];
        float[] tiled = new float[w * h * 3];
        LossTerms expected;
        LossTerms actual;
        expected = wholeEvaluation(net, spec, content, styles, image, whole);
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(net, Pooling.MAX, spec, w, h, 12, 24, 9,
                EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(styles);
            List<Integer> passes = new java.util.ArrayList<>();
            List<Integer> totals = new java.util.ArrayList<>();
            graph.onTileDone((done, total) -> {
                passes.add(done);
                totals.add(total);
            });
            actual = graph.evaluate(image.pixels(), tiled);
            // at least 4 x 3 cores of 12 px, each passed forward and then for its gradient, reported in order
            int total = totals.get(0);
            assertThat(total % 2).isZero();
            assertThat(total).isGreaterThanOrEqualTo(24);
            assertThat(totals).containsOnly(total);
            assertThat(passes).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, total).boxed().toList());
            // and again on a grid shifted elsewhere: the same numbers
            float[] again = new float[w * h * 3];
            assertThat(graph.evaluate(image.pixels(), again).total()).isCloseTo(actual.total(), within(1e-4 * actual.total()));
        }
        assertSameLossAndGradient(actual, expected, tiled, whole);
    }

    /** With style regions (a soft one and a hard one), tiled equals whole too: loss and gradient. */
    @Test
    void aTiledEvaluationWithStyleRegionsEqualsTheUntiledOne() {
        float[] ramp = new float[22 * 15];
        float[] right = new float[22 * 15];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = 1 - (p % 22) / 21f;
            right[p] = p % 22 >= 14 ? 1 : 0;
        }
        List<StyleRegion> regions = List.of(new StyleRegion(ramp, 22, 15), new StyleRegion(right, 22, 15));
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture()), net.architecture(),
                new double[] {2, 1}).withStyleRegions();
        float[] whole = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        float[] tiled = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        LossTerms expected;
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, SMALL_WIDTH, SMALL_HEIGHT, EngineSettings.defaults())) {
            graph.setContent(SMALL_CONTENT);
            graph.setStyles(TWO_STYLES);
            graph.setStyleRegions(regions);
            expected = graph.evaluate(SMALL_IMAGE.pixels(), whole);
        }
        LossTerms actual;
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(net, Pooling.MAX, spec, SMALL_WIDTH, SMALL_HEIGHT, 12, 24, 9,
                EngineSettings.defaults())) {
            graph.setContent(SMALL_CONTENT);
            graph.setStyles(TWO_STYLES);
            graph.setStyleRegions(regions);
            actual = graph.evaluate(SMALL_IMAGE.pixels(), tiled);
            assertThat(graph.painted().weights()).containsExactly(StyleRegion.painted(regions, SMALL_WIDTH, SMALL_HEIGHT).weights());
        }
        assertThat(expected.style()).isPositive();
        assertSameLossAndGradient(actual, expected, tiled, whole);
    }

    /**
     * The context a tile needs, counted from the layers: VGG-19's 3x3 convolutions reach one pixel to each side at
     * their stride product, its 2x2 poolings one to the right and bottom; at relu5_1 that adds up to 70 + 15 px.
     */
    @Test
    void theHaloIsTheDeepestLayersReceptiveReach() {
        NetworkArchitecture vgg19 = org.neuralstyle.network.Vgg.vgg19();
        assertThat(vgg19.receptiveReach(List.of("relu1_1"))).isEqualTo(1);
        assertThat(vgg19.receptiveReach(List.of("relu1_2"))).isEqualTo(2);
        assertThat(vgg19.receptiveReach(List.of("relu2_1"))).isEqualTo(2 + 1 + 2); // pool1's window, then at stride 2
        assertThat(vgg19.receptiveReach(List.of("relu4_2"))).isEqualTo(38 + 7);
        assertThat(vgg19.receptiveReach(List.of("relu1_1", "relu5_1", "relu4_2"))).isEqualTo(70 + 15);
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg19), vgg19, new double[] {1});
        assertThat(TiledStyleTransferGraph.exactHalo(vgg19, spec.layers())).isEqualTo(96);
    }

    /**
     * VGG-19 itself (random weights) tiled with that halo: every core's features are the whole image's, so the
     * loss and gradient equal the untiled ones to rounding, on an image with inner tiles (context on every side).
     */
    @Test
    void vgg19TiledWithTheExactHaloEqualsTheWholeImage() {
        NetworkWeights vgg = NetworkWeights.random(org.neuralstyle.network.Vgg.vgg19(), 4);
        int w = 288;
        int h = 256;
        RgbImage content = StyleTransferGraphTest.randomImage(w, h, 1);
        RgbImage image = StyleTransferGraphTest.randomImage(w, h, 2);
        List<RgbImage> styles = List.of(StyleTransferGraphTest.randomImage(200, 160, 3));
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg.architecture()), vgg.architecture(),
                new double[] {1});
        float[] whole = new float[w * h * 3];
        float[] tiled = new float[w * h * 3];
        LossTerms expected;
        LossTerms actual;
        expected = wholeEvaluation(vgg, spec, content, styles, image, whole);
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(vgg, Pooling.MAX, spec, w, h, 96,
                TiledStyleTransferGraph.exactHalo(vgg.architecture(), spec.layers()), 5, EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(styles);
            actual = graph.evaluate(image.pixels(), tiled);
        }
        assertSameLossAndGradient(actual, expected, tiled, whole);
    }

    /**
     * Neural neighbours tile: their loss is a sum over the hypercolumn grid's cells, each cell's hypercolumn the same
     * from a tile's core as from the whole image (finer layers averaged over the cell, coarser ones interpolated from
     * the next cell in the halo), and their targets are searched on hypercolumns read out tile by tile. On the tiny
     * VGG at a size whose last cells are partial (44 x 30: 11 x 8 cells), two styles blended 2:1, each placed by a
     * region, a start that is not the photo: the loss and gradient equal the whole image's.
     */
    @Test
    void neuralNeighboursTileTheirSearchAndTheirLoss() {
        float[] ramp = new float[SMALL_WIDTH * SMALL_HEIGHT];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = 1 - (p % SMALL_WIDTH) / (SMALL_WIDTH - 1f);
        }
        List<StyleRegion> regions = java.util.Arrays.asList(new StyleRegion(ramp, SMALL_WIDTH, SMALL_HEIGHT), null);
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture(), StyleLoss.Kind.NEIGHBOURS),
                net.architecture(), new double[] {2, 1}).withStyleRegions();
        RgbImage start = StyleTransferGraphTest.randomImage(SMALL_WIDTH, SMALL_HEIGHT, 8);
        assertNeighboursTileExactly(net, spec, SMALL_CONTENT, TWO_STYLES, regions, start, SMALL_IMAGE, 12);
    }

    /**
     * The same on VGG-19's own layers (random weights), whose relu4 layers lie at stride 8, twice the grid's: each
     * of their cells is interpolated across the cores' edges, at a size with partial cells (276 x 250).
     */
    @Test
    void vgg19NeighboursTiledWithTheExactHaloEqualTheWholeImage() {
        NetworkWeights vgg = NetworkWeights.random(org.neuralstyle.network.Vgg.vgg19(), 4);
        int w = 276;
        int h = 250;
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg.architecture(), StyleLoss.Kind.NEIGHBOURS),
                vgg.architecture(), new double[] {1});
        assertThat(TiledStyleTransferGraph.exactHalo(vgg.architecture(), spec))
                .as("one cell of the coarsest layer more than its reach").isEqualTo(
                        TiledStyleTransferGraph.exactHalo(vgg.architecture(), spec.layers()) + 8);
        assertNeighboursTileExactly(vgg, spec, StyleTransferGraphTest.randomImage(w, h, 1),
                List.of(StyleTransferGraphTest.randomImage(120, 100, 3)), null,
                StyleTransferGraphTest.randomImage(w, h, 5), StyleTransferGraphTest.randomImage(w, h, 2), 96);
    }

    private static void assertNeighboursTileExactly(NetworkWeights weights, LossSpec spec, RgbImage content,
                                                    List<RgbImage> styles, List<StyleRegion> regions, RgbImage start,
                                                    RgbImage image, int core) {
        int w = image.width();
        int h = image.height();
        float[] whole = new float[w * h * 3];
        float[] tiled = new float[w * h * 3];
        LossTerms expected;
        try (StyleTransferGraph graph = new StyleTransferGraph(weights, Pooling.MAX, spec, w, h,
                EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(styles);
            if (regions != null) {
                graph.setStyleRegions(regions);
            }
            graph.startFrom(start.pixels());
            expected = graph.evaluate(image.pixels(), whole);
        }
        LossTerms actual;
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(weights, Pooling.MAX, spec, w, h, core,
                TiledStyleTransferGraph.exactHalo(weights.architecture(), spec), 3, EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(styles);
            if (regions != null) {
                graph.setStyleRegions(regions);
            }
            graph.startFrom(start.pixels());
            actual = graph.evaluate(image.pixels(), tiled);
        }
        assertThat(expected.style()).isPositive();
        assertSameLossAndGradient(actual, expected, tiled, whole);
    }

    private static LossTerms wholeEvaluation(NetworkWeights weights, LossSpec spec, RgbImage content,
                                             List<RgbImage> styles, RgbImage image, float[] gradient) {
        try (StyleTransferGraph graph = new StyleTransferGraph(weights, Pooling.MAX, spec, image.width(),
                image.height(), EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(styles);
            return graph.evaluate(image.pixels(), gradient);
        }
    }

    /** Each loss term to 1e-4 of the whole image's, and the gradient to 1e-4 in relative L2 norm. */
    private static void assertSameLossAndGradient(LossTerms actual, LossTerms expected, float[] gradient,
                                                  float[] expectedGradient) {
        assertThat(actual.content()).isCloseTo(expected.content(), within(1e-4 * expected.content()));
        assertThat(actual.style()).isCloseTo(expected.style(), within(1e-4 * expected.style()));
        assertThat(actual.tv()).isCloseTo(expected.tv(), within(1e-4 * expected.tv()));
        double norm = 0;
        double difference = 0;
        for (int i = 0; i < expectedGradient.length; i++) {
            norm += expectedGradient[i] * expectedGradient[i];
            difference += (expectedGradient[i] - gradient[i]) * (expectedGradient[i] - gradient[i]);
        }
        assertThat(Math.sqrt(difference / norm)).isLessThan(1e-4);
    }

    /**
     * Without a halo a tile's edge features are at their most approximate; were the grid fixed, its lines would
     * show: with the grid held at offset 0 this run's lines measure 1.12 (tried by hand). The grid moves at every
     * evaluation, so on the output the lines of any one grid (here the unshifted one) are as detailed as the rest:
     * mean |Laplacian| within 10% (1.01).
     */
    @Test
    void aTiledRunLeavesNoSeamAlongTheTileBoundaries() throws java.io.IOException {
        RgbImage photo = org.neuralstyle.image.Resampling.resize(org.neuralstyle.image.ImageFiles.read(
                org.neuralstyle.testing.SharedData.media("content/chelsea.png")), 128, 96);
        RgbImage painting = org.neuralstyle.image.Resampling.resize(org.neuralstyle.image.ImageFiles.read(
                org.neuralstyle.testing.SharedData.media("style/starry_night.jpg")), 128, 100);
        StyleTransferOptions options = StyleTransferOptions.defaults(net.architecture()).toBuilder().iterations(80)
                .initialization(Initialization.content(0)).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1});
        StyleTransfer transfer = new StyleTransfer(net);
        RgbImage output;
        List<LossTerms> history;
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(net, Pooling.MAX, spec, 128, 96, 32, 0, 3,
                EngineSettings.defaults())) {
            graph.setContent(photo);
            graph.setStyles(List.of(painting));
            float[] x = transfer.initialImage(photo, options.initialization(), 1);
            StyleTransferResult result = transfer.optimise(graph, x, photo, image -> image, options, StyleTransferListener.NONE,
                    StyleTransfer.Pass.only(80), System.nanoTime(), Double.NEGATIVE_INFINITY).result();
            output = result.image();
            history = result.history();
        }
        assertThat(history.get(80).total()).isLessThan(0.5 * history.get(0).total());
        assertThat(output.meanAbsoluteDifference(photo)).as("stylized, not the photo").isGreaterThan(3);
        assertThat(org.neuralstyle.image.Sharpness.gridLinesRatio(output, 32)).isBetween(0.9, 1.1);
    }

    /**
     * The tiled driver knows no formula of its own: W2's means and covariances (sums of F and F^T F) and the
     * temporal term (weighted squares against a warped frame) tile as Gram matrices do. Loss term by term and
     * gradient equal the whole image's, with a warped frame and a mask of varying weights.
     */
    @Test
    void wassersteinStatisticsAndTheTemporalTermTileToo() {
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture()).toBuilder()
                .styleLoss(StyleLoss.Kind.WASSERSTEIN).build(), net.architecture(), new double[] {2, 1})
                .withTemporalWeight(50);
        RgbImage warped = StyleTransferGraphTest.randomImage(SMALL_WIDTH, SMALL_HEIGHT, 7);
        float[] mask = new float[SMALL_WIDTH * SMALL_HEIGHT];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = (p * 7 % 11) / 10f;
        }
        float[] whole = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        float[] tiled = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        LossTerms expected;
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, SMALL_WIDTH, SMALL_HEIGHT,
                EngineSettings.defaults())) {
            graph.setContent(SMALL_CONTENT);
            graph.setStyles(TWO_STYLES);
            graph.setTemporalTarget(warped, mask);
            expected = graph.evaluate(SMALL_IMAGE.pixels(), whole);
        }
        LossTerms actual;
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(net, Pooling.MAX, spec, SMALL_WIDTH,
                SMALL_HEIGHT, 12, 24, 9, EngineSettings.defaults())) {
            graph.setContent(SMALL_CONTENT);
            graph.setStyles(TWO_STYLES);
            graph.setTemporalTarget(warped, mask);
            actual = graph.evaluate(SMALL_IMAGE.pixels(), tiled);
        }
        assertThat(expected.style()).isPositive();
        assertThat(expected.temporal()).isPositive();
        assertThat(actual.temporal()).isCloseTo(expected.temporal(),
                within(1e-4 * expected.temporal()));
        assertSameLossAndGradient(actual, expected, tiled, whole);
    }

    /**
     * A term added in the test files alone ({@link BrightnessTarget}, a square of a sum over the pixels) joins a
     * tiled run: summed over the tiles, shown by its name, its value and gradient the whole image's. A term that
     * does not say it is a sum is refused by name.
     */
    @Test
    void anAddedTermThatIsASumOverThePixelsTiles() {
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture()).toBuilder()
                .imageTerms(List.of(new BrightnessTarget(40, 90))).build(), net.architecture(), new double[] {1, 1});
        float[] whole = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        float[] tiled = new float[SMALL_WIDTH * SMALL_HEIGHT * 3];
        LossTerms expected = wholeEvaluation(net, spec, SMALL_CONTENT, TWO_STYLES, SMALL_IMAGE, whole);
        LossTerms actual;
        try (TiledStyleTransferGraph graph = new TiledStyleTransferGraph(net, Pooling.MAX, spec, SMALL_WIDTH,
                SMALL_HEIGHT, 12, 24, 9, EngineSettings.defaults())) {
            graph.setContent(SMALL_CONTENT);
            graph.setStyles(TWO_STYLES);
            actual = graph.evaluate(SMALL_IMAGE.pixels(), tiled);
        }
        // the random image's mean is about 127: (127 - 90)^2 * 40, some 5e4
        assertThat(expected.value("brightness")).isGreaterThan(1e4);
        assertThat(actual.terms().keySet()).containsExactly("content", "style", "tv", "brightness");
        assertThat(actual.value("brightness")).isCloseTo(expected.value("brightness"),
                within(1e-4 * expected.value("brightness")));
        assertThat(actual.total()).isCloseTo(expected.total(), within(1e-4 * expected.total()));
        assertSameLossAndGradient(actual, expected, tiled, whole);

        ImageTerm notASum = new ImageTerm() {
            @Override
            public String name() {
                return "median";
            }

            @Override
            public org.tensorflow.Operand<org.tensorflow.types.TFloat32> value(org.tensorflow.op.Ops tf,
                    org.tensorflow.Operand<org.tensorflow.types.TFloat32> image, int width, int height) {
                return tf.constant(0f);
            }
        };
        LossSpec other = LossSpec.of(StyleTransferOptions.defaults(net.architecture()).toBuilder()
                .imageTerms(List.of(notASum)).build(), net.architecture(), new double[] {1});
        assertThatThrownBy(() -> new TiledStyleTransferGraph(net, Pooling.MAX, other, 64, 64, 32, 32, 1,
                EngineSettings.defaults())).hasMessageContaining("median is not a SummedImageTerm");
    }

    @Test
    void networksWhoseLayersDoNotLineUpOrTermsThatAreNoSumsAreRefused() {
        NetworkWeights squeeze = NetworkWeights.random(org.neuralstyle.network.SqueezeNet.v1_1(), 1);
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(squeeze.architecture()), squeeze.architecture(),
                new double[] {1});
        assertThatThrownBy(() -> new TiledStyleTransferGraph(squeeze, Pooling.MAX, spec, 64, 64, 32, 32, 1,
                EngineSettings.defaults())).hasMessageContaining("cannot be tiled");
        LossSpec selfSimilarity = LossSpec.of(StyleTransferOptions.defaults(net.architecture()).toBuilder()
                .contentLoss(ContentLoss.SELF_SIMILARITY).build(), net.architecture(), new double[] {1});
        assertThatThrownBy(() -> new TiledStyleTransferGraph(net, Pooling.MAX, selfSimilarity, 64, 64, 32, 32, 1,
                EngineSettings.defaults())).hasMessageContaining("self-similarity");
    }
}
