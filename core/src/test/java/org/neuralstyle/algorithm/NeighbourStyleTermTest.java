package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The two new terms' formulas on tiny tensors: the neighbours' cosine distance (known answer and its gradient by
 * finite differences, features near zero included) and the self-similarity content loss.
 */
class NeighbourStyleTermTest {

    private static final int H = 2;
    private static final int W = 3;
    private static final int D = 4;

    /**
     * A hypercolumn's blocks lie in the order the layers are given (the targets' columns and the balance follow that
     * order): six layers, layer k of k channels filled with k^2 (k once divided by its channel count), given from the
     * last to the first, come out in that order.
     */
    @Test
    void theHypercolumnsBlocksFollowTheLayersOrder() {
        java.util.Map<String, Double> layers = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> channels = new java.util.HashMap<>();
        java.util.Map<String, Integer> strides = new java.util.HashMap<>();
        for (int k = 6; k >= 1; k--) {
            layers.put("layer" + k, 1.0);
            channels.put("layer" + k, k);
            strides.put("layer" + k, Hypercolumns.STRIDE);
        }
        NeighbourStyleTerm term = new NeighbourStyleTerm(layers, channels, strides, true, 1, 4, 4);
        try (GraphSession graph = new GraphSession(EngineSettings.defaults())) {
            Ops tf = graph.ops();
            java.util.Map<String, Operand<TFloat32>> features = new java.util.HashMap<>();
            for (int k = 1; k <= 6; k++) {
                features.put("layer" + k, tf.fill(tf.constant(new int[] {1, 1, 1, k}), tf.constant((float) k * k)));
            }
            Operand<TFloat32> image = tf.zeros(tf.constant(new int[] {1, 4, 4, 3}), TFloat32.class);
            try (Result result = graph.session().runner().fetch(term.hypercolumnsOf(tf, features, image)).run()) {
                float[] row = Tensors.toArray(result.get(0));
                int at = 0;
                for (int k = 6; k >= 1; k--) {
                    for (int c = 0; c < k; c++) {
                        assertThat(row[at++]).as("layer" + k).isEqualTo((float) k);
                    }
                }
                assertThat(at).isEqualTo(row.length);
            }
        }
    }

    /**
     * With every layer's balance 1 and with one of its own (b = 0.5, 2 on the first block's channels, 3, 1 on the
     * second's): sum_p c_p (1 - <b F_p, T_p> / |b F_p|) / N, worked out here on the hypercolumn put together.
     */
    @Test
    void theCosineDistanceIsTheCoverageWeightedMeanOfOneMinusCosine() {
        float[] features = randomValues(H * W * D, 1, 0.3);
        float[] targets = unitRows(randomValues(H * W * D, 2, 0));
        float[] coverage = {1, 0, 0.5f, 1, 1, 0.25f};
        for (float[] balance : new float[][] {{1, 1, 1, 1}, {0.5f, 2, 3, 1}}) {
            double expected = 0;
            for (int p = 0; p < H * W; p++) {
                double dot = 0;
                double norm = 0;
                for (int d = 0; d < D; d++) {
                    double balanced = balance[d] * features[p * D + d];
                    dot += balanced * targets[p * D + d];
                    norm += balanced * balanced;
                }
                expected += coverage[p] * (1 - dot / Math.sqrt(norm)) / (H * W);
            }
            assertThat(cosineDistance(features, targets, balance, coverage, null)).isCloseTo(expected, within(1e-6));
        }
    }

    /** Features of size about 0.05 to 2, where the normalisation's curvature is largest. */
    @Test
    void theCosineDistancesGradientMatchesFiniteDifferences() {
        float[] features = randomValues(H * W * D, 3, 0.2);
        float[] targets = unitRows(randomValues(H * W * D, 4, 0));
        float[] coverage = {1, 0.5f, 1, 0.75f, 1, 1};
        float[] gradient = new float[features.length];
        float[] balance = {0.5f, 2, 3, 1};
        cosineDistance(features, targets, balance, coverage, gradient);
        float step = 1e-3f;
        for (int i = 0; i < features.length; i++) {
            float original = features[i];
            features[i] = original + step;
            double plus = cosineDistance(features, targets, balance, coverage, null);
            features[i] = original - step;
            double minus = cosineDistance(features, targets, balance, coverage, null);
            features[i] = original;
            double numeric = (plus - minus) / (2 * step);
            assertThat((double) gradient[i]).as("d/dF[" + i + "]").isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
        }
    }

    /**
     * Self-similarity on a 3-pixel image (no averaging at this size): distances between colours, the mean of their
     * absolute differences from the photo's. Recolouring all pixels by one shift costs nothing.
     */
    @Test
    void selfSimilarityComparesTheDistancesBetweenColoursNotTheColours() {
        float[] photo = {0, 0, 0, 30, 40, 0, 0, 0, 10};
        float[] shifted = {50, 50, 50, 80, 90, 50, 50, 50, 60};
        float[] image = {0, 0, 0, 60, 80, 0, 0, 0, 10};
        assertThat(selfSimilarity(shifted, photo)).isCloseTo(0, within(1e-3));
        // Distances photo: d01 = 50, d02 = 10, d12 = sqrt(900 + 1600 + 100) = 51.0; image: 100, 10, sqrt(3600 + 6400 + 100)
        double d12photo = Math.sqrt(2600);
        double d12image = Math.sqrt(10100);
        double expected = 2 * ((100 - 50) + 0 + (d12image - d12photo)) / 9;
        assertThat(selfSimilarity(image, photo)).isCloseTo(expected, within(1e-3));
    }

    private static double selfSimilarity(float[] image, float[] photo) {
        try (GraphSession graph = new GraphSession(EngineSettings.defaults())) {
            Ops tf = graph.ops();
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 1, 3, 3)));
            try (SelfSimilarityTerm term = new SelfSimilarityTerm(tf, x, 3, 1, 1)) {
                term.setContent(new org.neuralstyle.image.RgbImage(3, 1, photo));
                try (TFloat32 in = Tensors.of(image, 1, 1, 3, 3)) {
                    org.tensorflow.Session.Runner r = graph.session().runner().feed(x, in);
                    term.feed(r);
                    try (Result result = r.fetch(term.value()).run()) {
                        return Tensors.scalar(result.get(0));
                    }
                }
            }
        }
    }

    /**
     * The term's value, the hypercolumn given as two blocks of two channels (two layers) and the balance folded in
     * as the term feeds it (b T and b^2); its gradient with respect to the features into gradientOut where given.
     */
    private static double cosineDistance(float[] features, float[] targets, float[] balance, float[] coverage,
                                         float[] gradientOut) {
        float[] balancedTargets = targets.clone();
        float[] squared = new float[D];
        for (int i = 0; i < balancedTargets.length; i++) {
            balancedTargets[i] *= balance[i % D];
        }
        for (int d = 0; d < D; d++) {
            squared[d] = balance[d] * balance[d];
        }
        try (GraphSession graph = new GraphSession(EngineSettings.defaults())) {
            Ops tf = graph.ops();
            Placeholder<TFloat32> f = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, H, W, D)));
            List<Operand<TFloat32>> blocks = List.of(
                    tf.slice(f, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {1, H, W, 2})),
                    tf.slice(f, tf.constant(new int[] {0, 0, 0, 2}), tf.constant(new int[] {1, H, W, 2})));
            Operand<TFloat32> value = tf.math.div(SummedTerm.sumOfAll(tf, NeighbourStyleTerm.cosineDistances(tf,
                    blocks, tf.constant(org.tensorflow.ndarray.StdArrays.ndCopyOf(new float[][][][] {
                        reshape(balancedTargets)})),
                    tf.reshape(tf.constant(squared), tf.constant(new long[] {1, 1, 1, D})),
                    tf.reshape(tf.constant(coverage), tf.constant(new long[] {1, H, W, 1})))), tf.constant((float) H * W));
            Output<TFloat32> gradient = tf.gradients(value, List.of(f)).dy(0);
            try (TFloat32 in = Tensors.of(features, 1, H, W, D)) {
                org.tensorflow.Session.Runner r = graph.session().runner().feed(f, in).fetch(value);
                if (gradientOut != null) {
                    r.fetch(gradient);
                }
                try (Result result = r.run()) {
                    if (gradientOut != null) {
                        Tensors.copyTo(result.get(1), gradientOut);
                    }
                    return Tensors.scalar(result.get(0));
                }
            }
        }
    }

    private static float[][][] reshape(float[] values) {
        float[][][] out = new float[H][W][D];
        for (int i = 0; i < values.length; i++) {
            out[i / (W * D)][(i / D) % W][i % D] = values[i];
        }
        return out;
    }

    private static float[] randomValues(int n, long seed, double offset) {
        Random random = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.5 + offset);
        }
        return v;
    }

    private static float[] unitRows(float[] v) {
        float[] out = v.clone();
        for (int r = 0; r < v.length / D; r++) {
            double norm = 0;
            for (int d = 0; d < D; d++) {
                norm += v[r * D + d] * v[r * D + d];
            }
            for (int d = 0; d < D; d++) {
                out[r * D + d] = (float) (v[r * D + d] / Math.sqrt(norm));
            }
        }
        return out;
    }
}
