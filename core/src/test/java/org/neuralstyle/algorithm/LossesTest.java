package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.testing.GraphRunner;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known answers for each loss term on tensors small enough to work out on paper. */
class LossesTest {

    @Test
    void gramMatrixIsFeatureCorrelationOverHWC() {
        // F (H=2, W=1, C=2) = [[1,2],[3,4]]: F^T F = [[10,14],[14,20]], divided by H*W*C = 4.
        float[] g = GraphRunner.evaluate(tf -> Losses.gram(tf,
                tf.constant(Shape.of(1, 2, 1, 2), DataBuffers.of(1f, 2f, 3f, 4f)), 2));
        assertThat(g).containsExactly(2.5f, 3.5f, 3.5f, 5f);
    }

    @Test
    void aRegionGramOverEverythingIsTheGramMatrixAndOverHalfIsThatHalfs() {
        // F (H=2, W=2, C=2) rows [1,2],[3,4],[5,6],[7,8].
        float[] features = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] all = GraphRunner.evaluate(tf -> Losses.regionGram(tf, tf.constant(Shape.of(1, 2, 2, 2),
                DataBuffers.of(features)), tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(1f, 1f, 1f, 1f)), 2));
        float[] gram = GraphRunner.evaluate(tf -> Losses.gram(tf, tf.constant(Shape.of(1, 2, 2, 2),
                DataBuffers.of(features)), 2));
        assertThat(all).containsExactly(gram);
        // The left column (positions 0 and 2: rows [1,2],[5,6]): F^T F = [[26,32],[32,40]] over 2 positions x 2
        // channels, the Gram matrix of those two rows alone.
        float[] left = GraphRunner.evaluate(tf -> Losses.regionGram(tf, tf.constant(Shape.of(1, 2, 2, 2),
                DataBuffers.of(features)), tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(1f, 0f, 1f, 0f)), 2));
        assertThat(left).containsExactly(6.5f, 8f, 8f, 10f);
        float[] leftAlone = GraphRunner.evaluate(tf -> Losses.gram(tf, tf.constant(Shape.of(1, 2, 1, 2),
                DataBuffers.of(1f, 2f, 5f, 6f)), 2));
        assertThat(left).containsExactly(leftAlone);
        // A soft weight counts a position in part: 0.5 on [7,8] alone -> 0.5 * [[49,56],[56,64]] / (0.5 * 2).
        float[] soft = GraphRunner.evaluate(tf -> Losses.regionGram(tf, tf.constant(Shape.of(1, 2, 2, 2),
                DataBuffers.of(features)), tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(0f, 0f, 0f, 0.5f)), 2));
        assertThat(soft).containsExactly(24.5f, 28f, 28f, 32f);
    }

    @Test
    void meanSquaredErrorAveragesOverAllElements() {
        // (1-0)^2 + (2-4)^2 + (3-3)^2 + (4-1)^2 = 1 + 4 + 0 + 9 = 14, over 4 elements.
        float[] mse = GraphRunner.evaluate(tf -> Losses.meanSquaredError(tf,
                tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(1f, 2f, 3f, 4f)),
                tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(0f, 4f, 3f, 1f))));
        assertThat(mse[0]).isEqualTo(3.5f);
    }

    @Test
    void totalVariationDividesEachDirectionByItsCount() {
        // x = [[1,2],[4,8]]: vertical diffs 3,6 -> (9+36)/2 = 22.5; horizontal 1,4 -> (1+16)/2 = 8.5.
        float[] tv = GraphRunner.evaluate(tf -> TotalVariationTerm.unweighted(tf,
                tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(1f, 2f, 4f, 8f)), 2, 2, 1));
        assertThat(tv[0]).isEqualTo(31f);
    }

    @Test
    void totalVariationOfAFlatImageIsZero() {
        float[] tv = GraphRunner.evaluate(tf -> TotalVariationTerm.unweighted(tf,
                tf.constant(Shape.of(1, 3, 2, 3), DataBuffers.of(new float[18], true, false)), 3, 2, 3));
        assertThat(tv[0]).isCloseTo(0f, within(0f));
    }

    @Test
    void temporalLossWeighsEachPixelByItsMaskOverAllElements() {
        // 1x2 pixels, 2 channels: differences (1,2) at the first pixel (mask 1), (3,4) at the second (mask 0.5):
        // (1 + 4) * 1 + (9 + 16) * 0.5 = 17.5, over D = 4 elements.
        float[] t = GraphRunner.evaluate(tf -> TemporalTerm.unweighted(tf,
                tf.constant(Shape.of(1, 1, 2, 2), DataBuffers.of(1f, 2f, 3f, 4f)),
                tf.constant(Shape.of(1, 1, 2, 2), DataBuffers.of(0f, 0f, 0f, 0f)),
                tf.constant(Shape.of(1, 1, 2, 1), DataBuffers.of(1f, 0.5f))));
        assertThat(t[0]).isCloseTo(4.375f, within(1e-6f));
    }
}
