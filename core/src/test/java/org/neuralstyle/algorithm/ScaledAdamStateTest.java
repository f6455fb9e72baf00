package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.optim.Adam;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScaledAdamStateTest {

    @Test
    void movesTheMomentsToTheNewSizeScaledToItsGradientsAndKeepsTheStepCount() {
        // 4x2 -> 8x4 pixels: 4x the pixels, so mean-loss gradients are 1/4 as large; m scales by 1/4, v by 1/16.
        float[] m = new float[4 * 2 * 3];
        float[] v = new float[4 * 2 * 3];
        Arrays.fill(m, -2f);
        Arrays.fill(v, 8f);
        Adam.State scaled = ScaledAdamState.resized(new Adam.State(m, v, 37), 4, 2, 8, 4);
        assertThat(scaled.m()).hasSize(8 * 4 * 3);
        for (int i = 0; i < scaled.m().length; i++) {
            assertThat(scaled.m()[i]).isCloseTo(-0.5f, within(1e-6f));
            assertThat(scaled.v()[i]).isCloseTo(0.5f, within(1e-6f));
        }
        assertThat(scaled.step()).isEqualTo(37);
    }

    @Test
    void aStepAfterTheMoveIsAsLongAsTheSameGradientWouldHaveGivenBefore() {
        // Adam's step m/sqrt(v) is scale-free: a gradient 1/4 as large at the new size, with the moments
        // rescaled, moves pixels as far as before, not 4x less (which unscaled moments would give).
        float[] m = new float[3];
        float[] v = new float[3];
        Arrays.fill(m, 1f);
        Arrays.fill(v, 1f);
        Adam.State scaled = ScaledAdamState.resized(new Adam.State(m, v, 100), 1, 1, 2, 2);
        double ratio = scaled.m()[0] / Math.sqrt(scaled.v()[0]);
        assertThat(ratio).isCloseTo(m[0] / Math.sqrt(v[0]), within(1e-6));
    }
}
