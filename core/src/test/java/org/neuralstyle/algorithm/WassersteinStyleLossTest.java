package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.testing.GraphRunner;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known answers for mean + covariance matching, the squared 2-Wasserstein distance between Gaussian fits. */
class WassersteinStyleLossTest {

    private final WassersteinStyleLoss loss = new WassersteinStyleLoss();

    /** Features [1, n, 1, C] from rows of C values. */
    private static Operand<TFloat32> features(Ops tf, float[][] rows) {
        int c = rows[0].length;
        float[] flat = new float[rows.length * c];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * c, c);
        }
        return tf.constant(Shape.of(1, rows.length, 1, c), DataBuffers.of(flat, true, false));
    }

    private double distance(float[][] image, float[][] style) {
        return GraphRunner.evaluate(tf -> {
            long c = image[0].length;
            return loss.distance(tf, loss.statistics(tf, features(tf, image), c), loss.statistics(tf, features(tf, style), c));
        })[0];
    }

    @Test
    void inOneDimensionItIsTheSquaredDifferenceOfMeansPlusThatOfDeviations() {
        // image: mean 2, deviation 1 (values 1, 3); style: mean 5, deviation 3 (values 2, 8)
        double d = distance(new float[][] {{1}, {3}, {1}, {3}}, new float[][] {{2}, {8}, {2}, {8}});
        assertThat(d).isCloseTo((2 - 5) * (2 - 5) + (1 - 3) * (1 - 3), within(2e-3));
        assertThat(distance(new float[][] {{1}, {3}}, new float[][] {{1}, {3}})).isCloseTo(0, within(2e-3));
    }

    @Test
    void forUncorrelatedChannelsTheDeviationsAddUpPerChannelOverTheChannelCount() {
        // Hadamard rows: zero-mean, mutually orthogonal channel patterns, so the covariances are diagonal.
        float[][] h = {{1, 1, 1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, 1}};
        float[][] image = new float[4][3];
        float[][] style = new float[4][3];
        float[] imageMean = {1, 2, 3};
        float[] imageDev = {1, 2, 0.5f};
        float[] styleMean = {0, 2, 5};
        float[] styleDev = {3, 1, 0.5f};
        double expected = 0;
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 4; r++) {
                image[r][c] = imageMean[c] + imageDev[c] * h[r][c];
                style[r][c] = styleMean[c] + styleDev[c] * h[r][c];
            }
            expected += Math.pow(imageMean[c] - styleMean[c], 2) + Math.pow(imageDev[c] - styleDev[c], 2);
        }
        assertThat(distance(image, style)).isCloseTo(expected / 3, within(5e-3));
    }

    @Test
    void severalStylesBlendTheirMeansAndSecondMoments() {
        // 1-D: style 1 mean 0 variance 1, style 2 mean 4 variance 1, weights 1/4 and 3/4:
        // mean 3, second moment 1/4 (1 + 0) + 3/4 (1 + 16) = 13, variance 13 - 9 = 4.
        List<float[]> blended = loss.blend(List.of(List.of(new float[] {0}, new float[] {1}),
                List.of(new float[] {4}, new float[] {1})), new double[] {0.25, 0.75});
        assertThat(blended.get(0)[0]).isCloseTo(3f, within(1e-6f));
        assertThat(blended.get(1)[0]).isCloseTo(4f, within(1e-6f));
    }

    @Test
    void theNewtonSchulzRootSquaresBackToTheMatrix() {
        float[] m = {4, 1, 0, 1, 3, 0.5f, 0, 0.5f, 2};
        float[] square = GraphRunner.evaluate(tf -> {
            Operand<TFloat32> a = tf.constant(Shape.of(3, 3), DataBuffers.of(m, true, false));
            Operand<TFloat32> root = WassersteinStyleLoss.squareRoot(tf, a);
            return tf.linalg.matMul(root, root);
        });
        for (int i = 0; i < 9; i++) {
            float regularised = m[i] + (i % 4 == 0 ? WassersteinStyleLoss.EPSILON : 0);
            assertThat(square[i]).isCloseTo(regularised, within(1e-4f));
        }
    }
}
