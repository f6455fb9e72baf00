package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which style each location takes its neighbour from: shares by blend weight, regions, one style. */
class NeighbourSharesTest {

    @Test
    void oneStyleIsTakenEverywhere() {
        assertThat(NeighbourShares.choose(new float[][] {{0.1f, 0.9f, 0.5f}}, new double[] {1}, null))
                .containsExactly(0, 0, 0);
    }

    /**
     * Style 0 is the nearer everywhere, by margins 0.01..0.08; a 3:1 blend gives style 1 the quarter of the
     * locations where style 0 leads least (the last two), not none.
     */
    @Test
    void aThreeToOneBlendGivesTheSecondStyleAQuarterOfTheLocationsWhereItIsClosest() {
        float[] first = new float[8];
        float[] second = new float[8];
        for (int p = 0; p < 8; p++) {
            first[p] = 0.9f;
            second[p] = 0.9f - 0.01f * (8 - p);
        }
        int[] choice = NeighbourShares.choose(new float[][] {first, second}, new double[] {3, 1}, null);
        assertThat(choice).containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
        int[] even = NeighbourShares.choose(new float[][] {first, second}, new double[] {1, 1}, null);
        assertThat(Arrays.stream(even).filter(i -> i == 1).count()).isEqualTo(4);
    }

    /** Regions decide where they do not overlap; where neither covers, no style; where both cover equally, shares. */
    @Test
    void aLocationTakesOnlyFromTheStylesPlacedThere() {
        float[][] similarity = {{0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, {0.1f, 0.1f, 0.1f, 0.1f, 0.5f}};
        float[][] regions = {{1, 0, 0.3f, 0, 0.5f}, {0, 1, 0.6f, 0, 0.5f}};
        int[] choice = NeighbourShares.choose(similarity, new double[] {1, 1}, regions);
        assertThat(choice[0]).isEqualTo(0);
        assertThat(choice[1]).isEqualTo(1);
        assertThat(choice[2]).isEqualTo(1); // covered more by the second
        assertThat(choice[3]).isEqualTo(-1);
        assertThat(choice[4]).isIn(0, 1);
    }
}
