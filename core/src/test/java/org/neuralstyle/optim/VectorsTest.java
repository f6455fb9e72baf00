package org.neuralstyle.optim;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorsTest {

    @Test
    void dotProductsAreKnownAnswersAtEveryLengthModuloFour() {
        for (int n = 0; n <= 9; n++) {
            float[] a = new float[n];
            float[] b = new float[n];
            double[] bd = new double[n];
            double expected = 0;
            for (int i = 0; i < n; i++) {
                a[i] = i + 1;
                b[i] = 2 * i - 3;
                bd[i] = b[i];
                expected += (i + 1) * (2.0 * i - 3);
            }
            assertThat(Vectors.dot(a, b)).as("n=%d", n).isEqualTo(expected);
            assertThat(Vectors.dot(a, bd)).as("n=%d", n).isEqualTo(expected);
        }
    }

    @Test
    void fusedUpdateEqualsTheUpdateThenTheDotProduct() {
        Random random = new Random(3);
        for (int n : new int[] {1, 4, 7, 1001}) {
            double[] q = new double[n];
            double[] naive = new double[n];
            float[] x = new float[n];
            float[] next = new float[n];
            for (int i = 0; i < n; i++) {
                q[i] = naive[i] = random.nextGaussian();
                x[i] = (float) random.nextGaussian();
                next[i] = (float) random.nextGaussian();
            }
            double fused = Vectors.addScaledThenDot(q, -0.75, x, next);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                naive[i] += -0.75 * x[i];
                expected += next[i] * naive[i];
            }
            assertThat(q).as("n=%d", n).containsExactly(naive, within(1e-15));
            assertThat(fused).as("n=%d", n).isCloseTo(expected, within(1e-12 * n));
            assertThat(Vectors.addScaledThenDot(q, 2, x, null)).isZero();
            assertThat(q[n - 1]).isCloseTo(naive[n - 1] + 2 * x[n - 1], within(1e-15));
        }
    }
}
