package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuralstyle.engine.Precision;
import org.tensorflow.Tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known answers of the nearest-neighbour search on tiny unit vectors. */
class NeighbourSearchTest {

    private static final float S = (float) Math.sqrt(0.5);

    @ParameterizedTest
    @EnumSource(Precision.class)
    void eachQueryFindsTheKeyOfLargestCosineAndTheFirstOfEqualOnes(Precision precision) {
        float[] keys = {1, 0, 0, 1, S, S, 0, 1};
        float[] queries = {0.8f, 0.6f, 0, 1, -1, 0};
        NeighbourSearch.Match match = nearest(precision, queries, keys, 0, 2);
        // (0.8, 0.6): cosines 0.8, 0.6, 0.99 -> the diagonal key. (0, 1): keys 1 and 3 are equal -> the first.
        // (-1, 0): every cosine <= 0; the largest is key 1's and key 3's 0 -> key 1.
        assertThat(match.index()).containsExactly(2, 1, 1);
        float tolerance = precision == Precision.FP32 ? 1e-6f : 4e-3f; // bf16: 8 bits of mantissa
        assertThat(match.similarity()[0]).isCloseTo(0.8f * S + 0.6f * S, within(tolerance));
        assertThat(match.similarity()[1]).isCloseTo(1f, within(tolerance));
        assertThat(match.similarity()[2]).isCloseTo(0f, within(tolerance));
    }

    /**
     * In bf16 the search finds fp32's nearest key wherever fp32's best and second best are further apart than bf16
     * can blur (0.02 here, on random unit rows of 256 values), and its similarities are within bf16's rounding.
     */
    @Test
    void bf16FindsTheSameNeighboursWhereTheyAreClear() {
        java.util.Random random = new java.util.Random(5);
        int depth = 256;
        float[] keys = unitRows(random, 500, depth);
        float[] queries = unitRows(random, 200, depth);
        NeighbourSearch.Match exact = nearest(Precision.FP32, queries, keys, 0, depth);
        NeighbourSearch.Match bf16 = nearest(Precision.BF16, queries, keys, 0, depth);
        int clear = 0;
        for (int q = 0; q < 200; q++) {
            assertThat(bf16.similarity()[q]).isCloseTo(exact.similarity()[q], within(0.01f));
            float second = -2;
            for (int k = 0; k < 500; k++) {
                if (k != exact.index()[q]) {
                    second = Math.max(second, dot(queries, q, keys, k, depth));
                }
            }
            if (exact.similarity()[q] - second > 0.02f) {
                clear++;
                assertThat(bf16.index()[q]).as("query %d", q).isEqualTo(exact.index()[q]);
            }
        }
        assertThat(clear).as("queries with a clear nearest key").isGreaterThan(20);
    }

    /** bf16 keeps a float's top 16 bits, rounded to the nearest, ties to even (TensorFlow's cast does the same). */
    @Test
    void bf16RoundsToTheNearestTiesToEven() {
        float one = 1f;
        float halfUlp = Float.intBitsToFloat(0x3F808000); // exactly between bf16 0x3F80 (1.0) and 0x3F81
        float aboveHalf = Float.intBitsToFloat(0x3F808001);
        float oddHalf = Float.intBitsToFloat(0x3F818000); // between 0x3F81 and 0x3F82: to the even 0x3F82
        short[] bits = NeighbourSearch.bf16(new float[] {one, halfUlp, aboveHalf, oddHalf, -0.5f});
        assertThat(bits).containsExactly((short) 0x3F80, (short) 0x3F80, (short) 0x3F81, (short) 0x3F82,
                (short) 0xBF00);
    }

    private static float[] unitRows(java.util.Random random, int count, int depth) {
        float[] rows = new float[count * depth];
        for (int r = 0; r < count; r++) {
            double norm = 0;
            for (int d = 0; d < depth; d++) {
                rows[r * depth + d] = (float) random.nextGaussian();
                norm += rows[r * depth + d] * rows[r * depth + d];
            }
            for (int d = 0; d < depth; d++) {
                rows[r * depth + d] /= (float) Math.sqrt(norm);
            }
        }
        return rows;
    }

    private static float dot(float[] a, int i, float[] b, int j, int depth) {
        float sum = 0;
        for (int d = 0; d < depth; d++) {
            sum += a[i * depth + d] * b[j * depth + d];
        }
        return sum;
    }

    /**
     * GPNN's normalised distance d_ij / (alpha + min_i d_ij): a key far from every query counts nearer. Both
     * queries are closer to key 0 than to key 1, so by cosine alone both take key 0 and key 1 is never used.
     */
    @Test
    void completenessSpreadsTheMatchesOverKeysFarFromEveryQuery() {
        float[] keys = {1, 0, 0, 1};
        float c1 = 0.98f;
        float[] queries = {c1, (float) Math.sqrt(1 - c1 * c1), 0.8f, 0.6f};
        assertThat(nearest(Precision.FP32, queries, keys, 0, 2).index()).containsExactly(0, 0);
        // Distances 1 - cos: first query 0.02 to key 0, 0.801 to key 1; second 0.2 and 0.4. Nearest query to
        // key 0: 0.02; to key 1: 0.4. Normalised with alpha 0.05: first query 0.29 against 1.78 -> key 0;
        // second 0.2 / 0.07 = 2.86 against 0.4 / 0.45 = 0.89 -> key 1.
        assertThat(nearest(Precision.FP32, queries, keys, 0.05, 2).index()).containsExactly(0, 1);
        assertThat(nearest(Precision.BF16, queries, keys, 0.05, 2).index()).containsExactly(0, 1);
    }

    private static NeighbourSearch.Match nearest(Precision precision, float[] queries, float[] keys,
                                                 double completeness, int depth) {
        try (GraphSession graph = new GraphSession(EngineSettings.defaults())) {
            NeighbourSearch search = new NeighbourSearch(graph.ops(), depth, precision);
            try (Tensor keyRows = search.keys(new java.util.ArrayList<>(java.util.List.of(keys)))) {
                return search.nearest(graph.session(), queries, keyRows, completeness);
            }
        }
    }
}
