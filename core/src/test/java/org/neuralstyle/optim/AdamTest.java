package org.neuralstyle.optim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamTest {

    @Test
    void firstStepMovesEachParameterByTheLearningRateAgainstItsGradient() {
        // With bias correction, step 1 is lr * g / (|g| + eps') = lr * sign(g), whatever |g| is.
        Adam adam = new Adam(new AdamSettings(new LearningRateSchedule.Constant(10), 0.9, 0.999, 1e-8), 3);
        float[] x = {0, 0, 0};
        adam.step(x, new float[] {0.5f, -50f, 3f});
        assertThat(x[0]).isCloseTo(-10f, within(1e-3f));
        assertThat(x[1]).isCloseTo(10f, within(1e-3f));
        assertThat(x[2]).isCloseTo(-10f, within(1e-3f));
    }

    @Test
    void secondStepFollowsTheTensorFlowFormula() {
        double lr = 0.5;
        double b1 = 0.8;
        double b2 = 0.9;
        double eps = 1e-3;
        Adam adam = new Adam(new AdamSettings(new LearningRateSchedule.Constant(lr), b1, b2, eps), 1);
        float[] x = {1};
        adam.step(x, new float[] {2});
        adam.step(x, new float[] {-1});
        // by hand: m1 = 0.4, v1 = 0.4; x1 = 1 - lr*sqrt(0.1)/0.2 * 0.4/(sqrt(0.4)+eps)
        double m1 = 0.2 * 2;
        double v1 = 0.1 * 4;
        double x1 = 1 - lr * Math.sqrt(1 - b2) / (1 - b1) * m1 / (Math.sqrt(v1) + eps);
        double m2 = b1 * m1 + (1 - b1) * -1;
        double v2 = b2 * v1 + (1 - b2) * 1;
        double x2 = x1 - lr * Math.sqrt(1 - b2 * b2) / (1 - b1 * b1) * m2 / (Math.sqrt(v2) + eps);
        assertThat((double) x[0]).isCloseTo(x2, within(1e-5));
    }

    @Test
    void minimisesAQuadratic() {
        Adam adam = new Adam(new AdamSettings(new LearningRateSchedule.ExponentialDecay(0.5, 0.9, 50), 0.9, 0.999, 1e-8), 2);
        float[] x = {5, -3};
        for (int i = 0; i < 2000; i++) {
            // f = (x0 - 1)^2 + 10 (x1 + 2)^2
            adam.step(x, new float[] {2 * (x[0] - 1), 20 * (x[1] + 2)});
        }
        assertThat(x[0]).isCloseTo(1f, within(1e-2f));
        assertThat(x[1]).isCloseTo(-2f, within(1e-2f));
        assertThat(adam.stepsTaken()).isEqualTo(2000);
    }

    @Test
    void aRunContinuedFromItsStateTakesTheSameStepsAsOneUninterruptedRun() {
        AdamSettings settings = new AdamSettings(new LearningRateSchedule.Constant(0.3), 0.9, 0.999, 1e-8);
        Adam whole = new Adam(settings, 2);
        float[] x = {5, -3};
        for (int i = 0; i < 20; i++) {
            whole.step(x, new float[] {2 * (x[0] - 1), 20 * (x[1] + 2)});
        }
        Adam first = new Adam(settings, 2);
        float[] y = {5, -3};
        for (int i = 0; i < 10; i++) {
            first.step(y, new float[] {2 * (y[0] - 1), 20 * (y[1] + 2)});
        }
        Adam.State state = first.state();
        assertThat(state.step()).isEqualTo(10);
        Adam second = new Adam(settings, state);
        for (int i = 0; i < 10; i++) {
            second.step(y, new float[] {2 * (y[0] - 1), 20 * (y[1] + 2)});
        }
        assertThat(y).containsExactly(x);
        // The schedule counts the new optimiser's own steps; the bias correction counts all of them.
        assertThat(second.stepsTaken()).isEqualTo(10);
        assertThat(second.state().step()).isEqualTo(20);
    }

    @Test
    void exponentialDecayIsAStaircase() {
        LearningRateSchedule s = new LearningRateSchedule.ExponentialDecay(20, 0.94, 100);
        assertThat(s.rateAt(0)).isEqualTo(20);
        assertThat(s.rateAt(99)).isEqualTo(20);
        assertThat(s.rateAt(100)).isCloseTo(18.8, within(1e-12));
        assertThat(s.rateAt(250)).isCloseTo(20 * 0.94 * 0.94, within(1e-12));
        assertThat(new LearningRateSchedule.Constant(3).rateAt(1000)).isEqualTo(3);
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertThatThrownBy(() -> new LearningRateSchedule.Constant(0)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new LearningRateSchedule.ExponentialDecay(1, 1.5, 10)).hasMessageContaining("decay factor");
        assertThatThrownBy(() -> new AdamSettings(new LearningRateSchedule.Constant(1), 1, 0.9, 1e-8)).hasMessageContaining("beta1");
        assertThatThrownBy(() -> new AdamSettings(new LearningRateSchedule.Constant(1), 0.9, 0.9, 0)).hasMessageContaining("epsilon");
    }
}
