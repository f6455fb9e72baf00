package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.tensorflow.types.TFloat32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known answers of the nearest-neighbour search on tiny unit vectors. */
class NeighbourSearchTest {

    private static final float S = (float) Math.sqrt(0.5);

    @Test
    void eachQueryFindsTheKeyOfLargestCosineAndTheFirstOfEqualOnes() {
        float[] keys = {1, 0, 0, 1, S, S, 0, 1};
        float[] queries = {0.8f, 0.6f, 0, 1, -1, 0};
        NeighbourSearch.Match match = nearest(queries, keys, 0);
        // (0.8, 0.6): cosines 0.8, 0.6, 0.99 -> the diagonal key. (0, 1): keys 1 and 3 are equal -> the first.
        // (-1, 0): every cosine <= 0; the largest is key 1's and key 3's 0 -> key 1.
        assertThat(match.index()).containsExactly(2, 1, 1);
        assertThat(match.similarity()[0]).isCloseTo(0.8f * S + 0.6f * S, within(1e-6f));
        assertThat(match.similarity()[1]).isCloseTo(1f, within(1e-6f));
        assertThat(match.similarity()[2]).isCloseTo(0f, within(1e-6f));
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
        assertThat(nearest(queries, keys, 0).index()).containsExactly(0, 0);
        // Distances 1 - cos: first query 0.02 to key 0, 0.801 to key 1; second 0.2 and 0.4. Nearest query to
        // key 0: 0.02; to key 1: 0.4. Normalised with alpha 0.05: first query 0.29 against 1.78 -> key 0;
        // second 0.2 / 0.07 = 2.86 against 0.4 / 0.45 = 0.89 -> key 1.
        assertThat(nearest(queries, keys, 0.05).index()).containsExactly(0, 1);
    }

    private static NeighbourSearch.Match nearest(float[] queries, float[] keys, double completeness) {
        try (GraphSession graph = new GraphSession(EngineSettings.defaults());
             TFloat32 keyRows = Tensors.of(keys, keys.length / 2, 2)) {
            NeighbourSearch search = new NeighbourSearch(graph.ops(), 2);
            return search.nearest(graph.session(), queries, keyRows, completeness);
        }
    }
}
