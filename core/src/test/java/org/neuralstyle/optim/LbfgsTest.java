package org.neuralstyle.optim;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LbfgsTest {

    /** An objective with an evaluation budget that records the best value seen. */
    private static final class Budgeted implements Objective {
        final ToDoubleBiFunction<float[], float[]> f;
        final int budget;
        int evaluations;
        double best = Double.POSITIVE_INFINITY;
        int evaluationsToTarget = -1;
        double target = Double.NEGATIVE_INFINITY;

        Budgeted(int budget, ToDoubleBiFunction<float[], float[]> f) {
            this.budget = budget;
            this.f = f;
        }

        @Override
        public double evaluate(float[] x, float[] gradient) {
            evaluations++;
            double v = f.applyAsDouble(x, gradient);
            if (Double.isFinite(v)) {
                best = Math.min(best, v);
                if (v < target && evaluationsToTarget < 0) {
                    evaluationsToTarget = evaluations;
                }
            }
            return v;
        }

        @Override
        public boolean exhausted() {
            return evaluations >= budget;
        }
    }

    /**
     * f(x) = sum_i c_i u_i^2 with u = Q (x - m), m_i = i, c from 1 to 1e4 and Q a Householder reflection
     * (dense, orthogonal, symmetric): minimum 0 at x = m. The rotation makes the Hessian dense, so per-coordinate
     * step scaling (Adam's) cannot precondition it; curvature pairs (L-BFGS's) can.
     */
    private static double quadratic(float[] x, float[] g) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - i;
        }
        double[] u = reflect(d);
        double f = 0;
        double[] cu = new double[n];
        for (int i = 0; i < n; i++) {
            double c = Math.pow(1e4, (double) i / (n - 1));
            f += c * u[i] * u[i];
            cu[i] = 2 * c * u[i];
        }
        double[] grad = reflect(cu);
        for (int i = 0; i < n; i++) {
            g[i] = (float) grad[i];
        }
        return f;
    }

    /** Q v with Q = I - 2 w w^T / (w^T w), w_i = 1 + i mod 3. */
    private static double[] reflect(double[] v) {
        double ww = 0;
        double wv = 0;
        for (int i = 0; i < v.length; i++) {
            double w = 1 + i % 3;
            ww += w * w;
            wv += w * v[i];
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - 2 * (1 + i % 3) * wv / ww;
        }
        return out;
    }

    @Test
    void reachesTheMinimumOfAnIllConditionedQuadratic() {
        float[] x = new float[20];
        Budgeted objective = new Budgeted(1500, LbfgsTest::quadratic);
        Optimizer.Outcome outcome = new Lbfgs(10).minimize(objective, x);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).as("x[%d]", i).isCloseTo(i, within(1e-2f));
        }
        assertThat(outcome).isIn(Optimizer.Outcome.CONVERGED, Optimizer.Outcome.BUDGET_SPENT);
    }

    @Test
    void needsFarFewerEvaluationsThanAdam() {
        Budgeted lbfgs = new Budgeted(3000, LbfgsTest::quadratic);
        lbfgs.target = 1e-2;
        new Lbfgs(10).minimize(lbfgs, new float[20]);
        Budgeted adam = new Budgeted(3000, LbfgsTest::quadratic);
        adam.target = 1e-2;
        new Adam(new AdamSettings(new LearningRateSchedule.Constant(1), 0.9, 0.999, 1e-8), 20).minimize(adam, new float[20]);
        assertThat(lbfgs.evaluationsToTarget).isPositive();
        // Adam may not get there at all within the budget; if it does, it takes at least 4x as many evaluations.
        int adamEvaluations = adam.evaluationsToTarget < 0 ? Integer.MAX_VALUE : adam.evaluationsToTarget;
        System.out.printf("evaluations to reach 1e-2: L-BFGS %d, Adam %s%n", lbfgs.evaluationsToTarget,
                adam.evaluationsToTarget < 0 ? "not within 3000" : adam.evaluationsToTarget);
        assertThat((long) adamEvaluations).isGreaterThanOrEqualTo(4L * lbfgs.evaluationsToTarget);
    }

    @Test
    void aLineSearchThatFindsNoDecreaseHasConvergedEvenIfItsLastTrialWasNaN() {
        // At x = 0 the loss is 0 with a gradient pointing uphill everywhere the search looks: every trial is
        // worse (1), and the last of the 25 backtracks is NaN. That is convergence, not a non-finite loss.
        int[] calls = {0};
        Budgeted objective = new Budgeted(100, (p, g) -> {
            Arrays.fill(g, 1);
            int call = calls[0]++;
            return call == 0 ? 0 : call == 25 ? Double.NaN : 1;
        });
        assertThat(new Lbfgs(5).minimize(objective, new float[3])).isEqualTo(Optimizer.Outcome.CONVERGED);
        assertThat(calls[0]).isEqualTo(26);
    }

    @Test
    void neverAcceptsAStepIntoNaN() {
        // Every third evaluation is NaN (as a numerically blown-up trial step would be): the line search must
        // step back from each and still reach the minimum, never moving to a NaN point.
        int[] calls = {0};
        int[] nanTrials = {0};
        Budgeted objective = new Budgeted(1500, (p, g) -> {
            if (++calls[0] % 3 == 0) {
                nanTrials[0]++;
                return Double.NaN;
            }
            return quadratic(p, g);
        });
        float[] x = new float[20];
        Optimizer.Outcome outcome = new Lbfgs(10).minimize(objective, x);
        assertThat(nanTrials[0]).as("NaN trials").isGreaterThan(50);
        assertThat(outcome).isNotEqualTo(Optimizer.Outcome.NOT_FINITE);
        float[] g = new float[20];
        assertThat(quadratic(x, g)).isLessThan(1e-2);
    }

    @Test
    void aLossThatIsNotFiniteAtTheStartIsReported() {
        Budgeted objective = new Budgeted(10, (p, g) -> Double.NaN);
        assertThat(new Lbfgs(5).minimize(objective, new float[3])).isEqualTo(Optimizer.Outcome.NOT_FINITE);
        assertThat(objective.evaluations).isEqualTo(1);
    }

    /**
     * An image-sized problem as the engine gives it: 30,000 coordinates ("pixels") whose minimum lies at 100..199,
     * the rotated ill-conditioned quadratic, and the loss rounded to float32. Torch's first step, min(1, 1/|g|_1)
     * times the gradient, moves each coordinate by about 1/30,000 of a level here: in float32 that leaves the loss
     * unchanged, the Armijo test fails on rounding alone, and the search backtracks until it gives up and calls the
     * start converged. The first accepted step must instead move the pixels measurably and take off a real part of
     * the loss within a few evaluations.
     */
    @Test
    void theFirstAcceptedStepMovesTheImageMeasurably() {
        float[] x = new float[PIXELS];
        double f0 = pixelQuadratic(x, new float[PIXELS]);
        Budgeted objective = new Budgeted(6, (p, g) -> (float) pixelQuadratic(p, g));
        Optimizer.Outcome outcome = new Lbfgs(10).minimize(objective, x);
        assertThat(outcome).isEqualTo(Optimizer.Outcome.BUDGET_SPENT);
        double moved = 0;
        for (float v : x) {
            moved = Math.max(moved, Math.abs(v));
        }
        assertThat(moved).as("largest move of a pixel, of 100..199 levels to go").isGreaterThan(1);
        assertThat(pixelQuadratic(x, new float[PIXELS])).isLessThan(0.5 * f0);
    }

    /** The same problem: wherever L-BFGS stops, it is not at the start while the gradient is far from small. */
    @Test
    void neverReturnsTheStartAsConvergedWhenTheGradientIsNotSmall() {
        float[] x = new float[PIXELS];
        double f0 = pixelQuadratic(x, new float[PIXELS]);
        Budgeted objective = new Budgeted(100, (p, g) -> (float) pixelQuadratic(p, g));
        Optimizer.Outcome outcome = new Lbfgs(10).minimize(objective, x);
        assertThat(objective.evaluations).as("evaluations before stopping").isGreaterThan(30);
        assertThat(pixelQuadratic(x, new float[PIXELS])).isLessThan(1e-2 * f0);
        assertThat(outcome).isNotEqualTo(Optimizer.Outcome.NOT_FINITE);
    }

    @Test
    void theFirstTrialReachesTheTangentsZeroAndBacktrackingInterpolates() {
        // f = 8, slope -2: the tangent 8 - 2t reaches 0 at t = 4
        assertThat(Lbfgs.firstStep(8, -2, new float[] {1, -3})).isEqualTo(4);
        // no positive loss to aim at: a step that moves the largest component by 1
        assertThat(Lbfgs.firstStep(0, -2, new float[] {1, -4})).isEqualTo(0.25);
        // f(t) = (t - 1)^2 from f(0) = 1, slope -2, rejected trial at t = 4 (f = 9): the parabola's minimum is 1
        assertThat(Lbfgs.backtrack(4, 1, -2, 9)).isEqualTo(1);
        // kept within [t/10, t/2]; a NaN trial steps back tenfold
        assertThat(Lbfgs.backtrack(4, 1, -2, 1e9)).isCloseTo(0.4, within(1e-12));
        assertThat(Lbfgs.backtrack(4, 1, -2, 0.9995)).isEqualTo(2); // barely rejected: the parabola says 2.0001
        assertThat(Lbfgs.backtrack(4, 1, -2, Double.NaN)).isCloseTo(0.4, within(1e-12));
    }

    private static final int PIXELS = 30_000;

    /** The rotated quadratic over PIXELS coordinates with its minimum at 100 + (i mod 100) instead of i. */
    private static double pixelQuadratic(float[] x, float[] g) {
        float[] shifted = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i] - 100 - (i % 100) + i;
        }
        return quadratic(shifted, g);
    }
}
