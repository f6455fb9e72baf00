package org.neuralstyle.optim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IterateAverageTest {

    @Test
    void biasCorrectionMakesTheAverageOfAConstantThatConstantFromTheFirstIterate() {
        IterateAverage average = new IterateAverage(0.99, 2);
        average.add(new float[] {3, -7});
        assertThat(average.average()).containsExactly(new float[] {3, -7}, within(1e-5f));
        for (int i = 0; i < 50; i++) {
            average.add(new float[] {3, -7});
        }
        assertThat(average.average()).containsExactly(new float[] {3, -7}, within(1e-5f));
    }

    @Test
    void weighsEachOlderIterateDecayTimesLess() {
        // decay 0.5, iterates 0 then 4: weights 0.25 and 0.5, normalised by their sum 0.75: 4 * 0.5 / 0.75.
        IterateAverage average = new IterateAverage(0.5, 1);
        average.add(new float[] {0});
        average.add(new float[] {4});
        assertThat(average.average()[0]).isCloseTo(8f / 3, within(1e-6f));
        // a third iterate 1: weights 0.125, 0.25, 0.5 over 0.875.
        average.add(new float[] {1});
        assertThat(average.average()[0]).isCloseTo((float) ((0.25 * 4 + 0.5 * 1) / 0.875), within(1e-6f));
    }

    @Test
    void refusesADecayOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new IterateAverage(1, 3)).hasMessageContaining("decay");
        assertThatThrownBy(() -> new IterateAverage(0, 3)).hasMessageContaining("decay");
        assertThatThrownBy(() -> new IterateAverage(0.9, 3).average()).isInstanceOf(IllegalStateException.class);
    }
}
