package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.neuralstyle.testing.TestImages;
import org.neuralstyle.testing.TestNetworks;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The assembled loss (content blend, two styles with blend weights, layer exponent, TV) against the formulas
 * of REFERENCE.md section 1 computed directly in the test, and the gradient against finite differences.
 */
class StyleTransferGraphTest {

    /**
     * 1x1 identity convolutions and zero mean make every feature map equal to the image (pixels are positive,
     * so ReLU passes them): "a" = relu after conv a, "b" = relu after conv b, both equal to the image.
     */
    private static NetworkWeights identityNetwork() {
        NetworkArchitecture arch = new NetworkArchitecture("identity", List.of(
                new Layer.Convolution("conv_a", 1, 3, 3), new Layer.Relu("a"),
                new Layer.Convolution("conv_b", 1, 3, 3), new Layer.Relu("b")),
                List.of("a", "b"), List.of("a", "b"));
        float[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        ConvolutionWeights id = new ConvolutionWeights(1, 1, 3, 3, identity, new float[3]);
        return new NetworkWeights(arch, Map.of("conv_a", id, "conv_b", id),
                InputNormalization.meanOnly(new float[3]), "identity");
    }

    @Test
    void lossMatchesTheReferenceFormulas() {
        int w = 3;
        int h = 2;
        RgbImage x = randomImage(w, h, 1);
        RgbImage content = randomImage(w, h, 2);
        RgbImage style1 = randomImage(4, 3, 3);
        RgbImage style2 = randomImage(2, 2, 4);
        // content weight 5 split 0.25 / 0.75; style weight 7, layer exponent 2 (weights 1/3, 2/3);
        // blend 3:1 (0.75 / 0.25); tv weight 0.5
        NetworkWeights net = identityNetwork();
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture())
                .contentWeight(5).contentWeightBlend(0.25).styleWeight(7).styleLayerWeightExp(2).tvWeight(0.5).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {3, 1});
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            graph.setContent(content);
            graph.setStyles(List.of(style1, style2));
            LossTerms loss = graph.evaluate(x.pixels(), null);

            // Features at both layers equal the image, so each content term is mse(x, content).
            double mseContent = mse(x.pixels(), content.pixels());
            double expectedContent = 5 * (0.25 * mseContent + 0.75 * mseContent);
            double[] gx = gram(x);
            double styleTerm1 = mse(gx, gram(style1));
            double styleTerm2 = mse(gx, gram(style2));
            // per style: sum_l v_l * mse with v = 1/3, 2/3 and both layers identical -> the mse itself
            double expectedStyle = 7 * (0.75 * styleTerm1 + 0.25 * styleTerm2);
            double expectedTv = 0.5 * tv(x);

            assertThat(loss.content()).isCloseTo(expectedContent, within(1e-4 * expectedContent));
            assertThat(loss.style()).isCloseTo(expectedStyle, within(1e-4 * expectedStyle));
            assertThat(loss.tv()).isCloseTo(expectedTv, within(1e-4 * expectedTv));
            assertThat(loss.total()).isCloseTo(expectedContent + expectedStyle + expectedTv,
                    within(1e-4 * loss.total()));
        }
    }

    @Test
    void temporalLossIsTheMaskedMeanSquaredDifferenceOverAllValues() {
        int w = 3;
        int h = 2;
        RgbImage x = randomImage(w, h, 1);
        RgbImage warped = randomImage(w, h, 5);
        float[] mask = {1, 0, 1, 0.5f, 0, 1};
        NetworkWeights net = identityNetwork();
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture()), net.architecture(), new double[] {1})
                .withTemporalWeight(40);
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            graph.setContent(randomImage(w, h, 2));
            graph.setStyles(List.of(randomImage(w, h, 3)));
            // Before a target is set the mask is empty: no term.
            assertThat(graph.evaluate(x.pixels(), null).temporal()).isZero();

            graph.setTemporalTarget(warped, mask);
            LossTerms loss = graph.evaluate(x.pixels(), null);
            // (1/D) sum_k c_k (x_k - w_k)^2 with D = H*W*C, every channel sharing its pixel's weight
            double sum = 0;
            for (int i = 0; i < x.pixels().length; i++) {
                sum += mask[i / 3] * Math.pow(x.pixels()[i] - warped.pixels()[i], 2);
            }
            double expected = 40 * sum / (w * h * 3);
            assertThat(loss.temporal()).isCloseTo(expected, within(1e-4 * expected));
            assertThat(loss.total()).isCloseTo(loss.content() + loss.style() + loss.tv() + loss.temporal(),
                    within(1e-4 * loss.total()));
        }
    }

    @Test
    void aGraphWithoutTemporalWeightHasNoTemporalTerm() {
        NetworkWeights net = identityNetwork();
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(net.architecture()), net.architecture(), new double[] {1});
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, 3, 2, EngineSettings.defaults())) {
            graph.setContent(randomImage(3, 2, 2));
            graph.setStyles(List.of(randomImage(3, 2, 3)));
            assertThat(graph.evaluate(randomImage(3, 2, 1).pixels(), null).temporal()).isZero();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> graph.setTemporalTarget(randomImage(3, 2, 4), new float[6]))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * Regions (Gatys et al. 2017): one style over an all-white region is the unmasked loss; over the left half it is
     * the loss of the left half's Gram matrix against the style, weighted by the half it covers; two styles each on
     * its own half add up, each as strong as it alone.
     */
    @Test
    void aStyleOverARegionIsTheLossOfThatRegionsGramMatrix() {
        int w = 4;
        int h = 2;
        RgbImage x = randomImage(w, h, 1);
        RgbImage style1 = randomImage(3, 3, 3);
        RgbImage style2 = randomImage(2, 2, 4);
        NetworkWeights net = identityNetwork();
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).styleWeight(7).build();
        LossSpec plain = LossSpec.of(options, net.architecture(), new double[] {1});
        StyleRegion white = new StyleRegion(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, w, h);
        StyleRegion left = new StyleRegion(new float[] {1, 1, 0, 0, 1, 1, 0, 0}, w, h);
        StyleRegion right = new StyleRegion(new float[] {0, 0, 1, 1, 0, 0, 1, 1}, w, h);
        double unmasked;
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, plain, w, h, EngineSettings.defaults())) {
            graph.setContent(randomImage(w, h, 2));
            graph.setStyles(List.of(style1));
            unmasked = graph.evaluate(x.pixels(), null).style();
        }
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, plain.withStyleRegions(), w, h,
                EngineSettings.defaults())) {
            graph.setContent(randomImage(w, h, 2));
            graph.setStyles(List.of(style1));
            graph.setStyleRegions(List.of(white));
            assertThat(graph.evaluate(x.pixels(), null).style()).isCloseTo(unmasked, within(1e-4 * unmasked));
            graph.setStyleRegions(List.of(left));
            double expected = 7 * 0.5 * mse(gram(leftHalf(x)), gram(style1));
            assertThat(graph.evaluate(x.pixels(), null).style()).isCloseTo(expected, within(1e-4 * expected));
        }
        LossSpec two = LossSpec.of(options, net.architecture(), new double[] {1, 1}).withStyleRegions();
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, two, w, h, EngineSettings.defaults())) {
            graph.setContent(randomImage(w, h, 2));
            graph.setStyles(List.of(style1, style2));
            graph.setStyleRegions(List.of(left, right));
            double expected = 7 * (0.5 * mse(gram(leftHalf(x)), gram(style1)) + 0.5 * mse(gram(rightHalf(x)), gram(style2)));
            assertThat(graph.evaluate(x.pixels(), null).style()).isCloseTo(expected, within(1e-4 * expected));
        }
    }

    private static RgbImage leftHalf(RgbImage x) {
        return crop(x, 0, x.width() / 2);
    }

    private static RgbImage rightHalf(RgbImage x) {
        return crop(x, x.width() / 2, x.width() / 2);
    }

    private static RgbImage crop(RgbImage x, int from, int width) {
        float[] px = new float[width * x.height() * 3];
        for (int y = 0; y < x.height(); y++) {
            System.arraycopy(x.pixels(), (y * x.width() + from) * 3, px, y * width * 3, width * 3);
        }
        return new RgbImage(width, x.height(), px);
    }

    /** The gradient through a soft region (weights 0..1 varying over the image) against finite differences. */
    @Test
    void theGradientThroughASoftRegionMatchesFiniteDifferences() {
        NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 7);
        int w = 8;
        int h = 8;
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).styleLayerWeightExp(1.5).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1, 2}).withStyleRegions();
        float[] ramp = new float[w * h];
        float[] rest = new float[w * h];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = (p % w) / (float) (w - 1);
            rest[p] = 1 - ramp[p];
        }
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            RgbImage image = smoothImage(w, h, 14);
            graph.setContent(perturbed(image, 8, 11));
            graph.setStyles(List.of(perturbed(image, 8, 12), perturbed(image, 8, 13)));
            graph.setStyleRegions(List.of(new StyleRegion(ramp, w, h), new StyleRegion(rest, w, h)));
            assertGradientMatchesFiniteDifferences(graph, image.pixels().clone(), 0.25f, 1e-2);
        }
    }

    @ParameterizedTest
    @CsvSource({"MAX, GRAM", "AVG, GRAM", "MAX, WASSERSTEIN"})
    void gradientMatchesFiniteDifferences(Pooling pooling, StyleLoss.Kind styleLoss) {
        NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 7);
        int w = 8;
        int h = 8;
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture())
                .contentWeightBlend(0.5).styleLayerWeightExp(1.5).styleLoss(styleLoss).build();
        // With the temporal term too: its gradient 2 w_t c (x - w) / D reaches every masked pixel.
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1, 2}).withTemporalWeight(3);
        try (StyleTransferGraph graph = new StyleTransferGraph(net, pooling, spec, w, h, EngineSettings.defaults())) {
            // Targets near the image keep the loss small next to each pixel's share of it, so float32
            // differences resolve the gradient (at a loss of ~1e8 its rounding alone is a few percent).
            RgbImage image = smoothImage(w, h, 14);
            graph.setContent(perturbed(image, 8, 11));
            graph.setStyles(List.of(perturbed(image, 8, 12), perturbed(image, 8, 13)));
            float[] mask = new float[w * h];
            Random maskRandom = new Random(15);
            for (int p = 0; p < mask.length; p++) {
                mask[p] = maskRandom.nextInt(4) == 0 ? 0 : 1;
            }
            graph.setTemporalTarget(perturbed(image, 8, 16), mask);
            // W2's traces cancel to a small difference of large float32 numbers: a wider step resolves it. W2 through
            // 12 Newton-Schulz steps in float32: central differences agree to 1.7% here at the wider step (12% at the
            // narrow one, where float32 rounding of the cancelling traces dominates).
            boolean gram = styleLoss == StyleLoss.Kind.GRAM;
            assertGradientMatchesFiniteDifferences(graph, image.pixels().clone(), gram ? 0.25f : 2f, gram ? 1e-2 : 3e-2);
        }
    }

    /**
     * Neural neighbours on the identity network (features = the image): the hypercolumns are each 4x4 cell's mean
     * colour (an 8x8 image has 2x2 cells), the same at both layers; each cell of the photo takes the painting's
     * cell (of the painting and its quarter turns) nearest by cosine after centring by the painting's mean, under
     * GPNN's normalisation, and the loss is w_s times the mean of 1 - cos(image cell, target cell). Worked out here
     * from those formulas; with a region over the left half, each cell's term is weighted by the region at the
     * grid's size (the right column's by what the resize's soft edge leaves of it).
     */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void neighboursCostTheCosineDistanceToThePaintingsNearestCell(boolean leftRegionOnly) {
        int w = 8;
        int h = 8;
        NetworkWeights net = identityNetwork();
        RgbImage photo = randomImage(w, h, 21);
        RgbImage painting = randomImage(w, h, 22);
        RgbImage x = randomImage(w, h, 23);
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture(), StyleLoss.Kind.NEIGHBOURS)
                .styleWeight(7).tvWeight(0).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1});
        if (leftRegionOnly) {
            spec = spec.withStyleRegions();
        }
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            graph.setContent(photo);
            graph.setStyles(List.of(painting));
            if (leftRegionOnly) {
                graph.setStyleRegions(List.of(leftHalf(w, h)));
            }
            graph.startFrom(photo.pixels());
            LossTerms loss = graph.evaluate(x.pixels(), null);

            double[][] queries = cellMeans(photo);
            double[][] keys = cellMeans(painting); // its quarter turns have the same cells, turned
            double[] mean = new double[3];
            for (double[] k : keys) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += k[c] / keys.length;
                }
            }
            double[][] distance = new double[4][4];
            double[] closest = {2, 2, 2, 2};
            for (int p = 0; p < 4; p++) {
                for (int j = 0; j < 4; j++) {
                    distance[p][j] = 1 - cosine(minus(queries[p], mean), minus(keys[j], mean));
                    closest[j] = Math.min(closest[j], distance[p][j]);
                }
            }
            double[][] cells = cellMeans(x);
            // The region at the grid's size, resized as the term resizes it (its triangle filter softens the edge).
            float[] coverage = leftHalf(w, h).resizedTo(2, 2).weights();
            double expected = 0;
            for (int p = 0; p < 4; p++) {
                int best = 0;
                for (int j = 1; j < 4; j++) {
                    double alpha = NeighbourTargets.COMPLETENESS;
                    if (distance[p][j] / (alpha + closest[j]) < distance[p][best] / (alpha + closest[best])) {
                        best = j;
                    }
                }
                expected += (leftRegionOnly ? coverage[p] : 1) * (1 - cosine(cells[p], keys[best])) / 4;
            }
            assertThat(loss.style()).isCloseTo(7 * expected, within(1e-4 * 7 * expected));
        }
    }

    /** The photo as its own painting: every location's nearest feature is its own, so the photo costs nothing. */
    @Test
    void aPhotoIsItsOwnNeighbours() {
        NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 7);
        int w = 16;
        int h = 12;
        StyleTransferOptions options = StyleTransferOptions.defaults(net.architecture(), StyleLoss.Kind.NEIGHBOURS);
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1});
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            RgbImage photo = smoothImage(w, h, 31);
            graph.setContent(photo);
            graph.setStyles(List.of(photo));
            graph.startFrom(photo.pixels());
            assertThat(graph.evaluate(photo.pixels(), null).style()).isLessThan(1e-6);
            assertThat(graph.evaluate(randomImage(w, h, 32).pixels(), null).style()).isGreaterThan(1e-2);
        }
    }

    /**
     * The neighbour loss's gradient through the whole graph (hypercolumns resized and averaged, balanced, cosines,
     * two styles blended and a soft region), against finite differences. On the identity network, whose features
     * are the pixels: with random ReLU features some cells' hypercolumns are near zero, where the cosine turns
     * within a fraction of a level and central differences drift from any gradient (10-40% at steps of 0.25-1,
     * measured on the tiny VGG); the formula itself is checked on such features in NeighbourStyleTermTest. The loss
     * here is smooth, and a step of 1 level resolves it past float32's rounding (3% off at 0.25).
     */
    @Test
    void theNeighbourGradientMatchesFiniteDifferences() {
        NetworkWeights net = identityNetwork();
        int w = 16;
        int h = 16;
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture(), StyleLoss.Kind.NEIGHBOURS)
                .styleWeight(1000).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1, 2}).withStyleRegions();
        float[] ramp = new float[w * h];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = (p % w) / (float) (w - 1);
        }
        try (StyleTransferGraph graph = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            RgbImage image = randomImage(w, h, 14);
            graph.setContent(randomImage(w, h, 11));
            graph.setStyles(List.of(randomImage(w, h, 12), randomImage(w + 4, h, 13)));
            graph.setStyleRegions(List.of(new StyleRegion(ramp, w, h), leftHalf(w, h)));
            graph.startFrom(image.pixels());
            assertGradientMatchesFiniteDifferences(graph, image.pixels().clone(), 1f, 1e-2);
        }
    }

    /**
     * A style learnt from a part of its painting (--style-image-masks): on the identity network its Gram matrices
     * over the left half are the Gram matrices of the left half cut out (Gatys et al. 2017's region statistics).
     */
    @Test
    void aStyleLearntFromPartOfItsPaintingIsThatPartsGramMatrix() {
        int w = 6;
        int h = 4;
        NetworkWeights net = identityNetwork();
        RgbImage painting = randomImage(8, 4, 41);
        float[] leftPixels = new float[4 * 4 * 3];
        for (int y = 0; y < 4; y++) {
            System.arraycopy(painting.pixels(), y * 8 * 3, leftPixels, y * 4 * 3, 4 * 3);
        }
        RgbImage left = new RgbImage(4, 4, leftPixels);
        RgbImage x = randomImage(w, h, 42);
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).tvWeight(0).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1});
        try (StyleTransferGraph part = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults());
             StyleTransferGraph cut = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            part.setContent(x);
            cut.setContent(x);
            part.setStyles(List.of(painting), List.of(leftHalf(8, 4)));
            cut.setStyles(List.of(left));
            double expected = cut.evaluate(x.pixels(), null).style();
            assertThat(part.evaluate(x.pixels(), null).style()).isCloseTo(expected, within(1e-4 * expected));
        }
    }

    /** Neighbours from a part of the painting: a photo in the colour of the painting's other half finds none of it. */
    @Test
    void neighboursFromPartOfThePaintingComeOnlyFromThatPart() {
        int w = 8;
        int h = 8;
        NetworkWeights net = identityNetwork();
        float[] px = new float[w * h * 3];
        for (int p = 0; p < w * h; p++) {
            boolean leftSide = p % w < w / 2;
            px[3 * p] = leftSide ? 200 : 20;
            px[3 * p + 1] = 30;
            px[3 * p + 2] = leftSide ? 20 : 200;
        }
        RgbImage painting = new RgbImage(w, h, px);
        RgbImage photo = RgbImage.filled(w, h, 25, 35, 190);
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture(), StyleLoss.Kind.NEIGHBOURS)
                .tvWeight(0).build();
        LossSpec spec = LossSpec.of(options, net.architecture(), new double[] {1});
        try (StyleTransferGraph whole = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults());
             StyleTransferGraph red = new StyleTransferGraph(net, Pooling.MAX, spec, w, h, EngineSettings.defaults())) {
            whole.setContent(photo);
            red.setContent(photo);
            whole.setStyles(List.of(painting));
            red.setStyles(List.of(painting), List.of(leftHalf(w, h)));
            whole.startFrom(photo.pixels());
            red.startFrom(photo.pixels());
            assertThat(whole.evaluate(photo.pixels(), null).style()).as("the blue half is there to match").isLessThan(0.01);
            assertThat(red.evaluate(photo.pixels(), null).style()).as("only the red half to match").isGreaterThan(0.3);
        }
    }

    private static StyleRegion leftHalf(int w, int h) {
        float[] left = new float[w * h];
        for (int p = 0; p < left.length; p++) {
            left[p] = p % w < w / 2 ? 1 : 0;
        }
        return new StyleRegion(left, w, h);
    }

    /** Mean colour of each 4x4 cell of an 8x8 image, cells row-major. */
    private static double[][] cellMeans(RgbImage image) {
        double[][] cells = new double[4][3];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                for (int c = 0; c < 3; c++) {
                    cells[(y / 4) * 2 + x / 4][c] += image.get(x, y, c) / 16.0;
                }
            }
        }
        return cells;
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double cosine(double[] a, double[] b) {
        double ab = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return ab / Math.sqrt((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]));
    }

    /**
     * The gradient at x against central differences at 60 sampled pixels. float32 losses resolve a pixel's
     * derivative to about 1e-3 of the largest one: relative error where the derivative is at least a tenth of the
     * largest, absolute error everywhere sampled.
     */
    private static void assertGradientMatchesFiniteDifferences(StyleTransferGraph graph, float[] x, float step,
                                                               double relativeTolerance) {
        float[] gradient = new float[x.length];
        graph.evaluate(x, gradient);
        double gradientScale = 0;
        for (float g : gradient) {
            gradientScale = Math.max(gradientScale, Math.abs(g));
        }
        assertThat(gradientScale).isGreaterThan(0);
        Random pick = new Random(5);
        double maxRelativeError = 0;
        double maxAbsoluteError = 0;
        int relativeChecks = 0;
        for (int sample = 0; sample < 60; sample++) {
            int i = pick.nextInt(x.length);
            double numeric = centralDifference(graph, x, i, step);
            double error = Math.abs(numeric - gradient[i]);
            maxAbsoluteError = Math.max(maxAbsoluteError, error);
            if (Math.abs(gradient[i]) >= 0.1 * gradientScale) {
                relativeChecks++;
                maxRelativeError = Math.max(maxRelativeError, error / Math.max(Math.abs(numeric), Math.abs(gradient[i])));
            }
        }
        assertThat(relativeChecks).isGreaterThanOrEqualTo(10);
        assertThat(maxRelativeError).isLessThan(relativeTolerance);
        assertThat(maxAbsoluteError).isLessThan(1e-2 * gradientScale);
    }

    /** (L(x + h e_i) - L(x - h e_i)) / 2h; h small enough not to cross ReLU / max-pool kinks. */
    private static double centralDifference(StyleTransferGraph graph, float[] x, int i, float step) {
        float original = x[i];
        x[i] = original + step;
        double plus = graph.evaluate(x, null).total();
        x[i] = original - step;
        double minus = graph.evaluate(x, null).total();
        x[i] = original;
        return (plus - minus) / (2 * step);
    }
    /** A smooth random image (like a photo, unlike white noise, whose TV term would swamp the loss). */
    private static RgbImage smoothImage(int w, int h, long seed) {
        Random random = new Random(seed);
        double[] a = new double[9];
        for (int k = 0; k < a.length; k++) {
            a[k] = random.nextDouble() * 2 * Math.PI;
        }
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = (float) (128 + 100 * Math.sin(0.5 * x + a[c]) * Math.cos(0.4 * y + a[c + 3])
                            + 20 * Math.sin(a[c + 6] + x * y * 0.1));
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    private static RgbImage perturbed(RgbImage image, double sigma, long seed) {
        Random random = new Random(seed);
        float[] px = image.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] += (float) (random.nextGaussian() * sigma);
        }
        return new RgbImage(image.width(), image.height(), px);
    }

    static RgbImage randomImage(int w, int h, long seed) {
        return TestImages.random(w, h, seed);
    }

    private static double[] gram(RgbImage image) {
        int n = image.width() * image.height();
        double[] g = new double[9];
        for (int p = 0; p < n; p++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    g[a * 3 + b] += (double) image.pixels()[p * 3 + a] * image.pixels()[p * 3 + b];
                }
            }
        }
        for (int k = 0; k < 9; k++) {
            g[k] /= n * 3.0;
        }
        return g;
    }

    private static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], 2);
        }
        return s / a.length;
    }

    private static double mse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], 2);
        }
        return s / a.length;
    }

    private static double tv(RgbImage x) {
        int w = x.width();
        int h = x.height();
        double dy = 0;
        double dx = 0;
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w; i++) {
                for (int c = 0; c < 3; c++) {
                    if (y + 1 < h) {
                        dy += Math.pow(x.get(i, y + 1, c) - x.get(i, y, c), 2);
                    }
                    if (i + 1 < w) {
                        dx += Math.pow(x.get(i + 1, y, c) - x.get(i, y, c), 2);
                    }
                }
            }
        }
        return dy / ((h - 1) * w * 3) + dx / (h * (w - 1) * 3);
    }
}
