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
        // worse (1), and the last of the 20 backtracks is NaN. That is convergence, not a non-finite loss.
        int[] calls = {0};
        Budgeted objective = new Budgeted(100, (p, g) -> {
            Arrays.fill(g, 1);
            int call = calls[0]++;
            return call == 0 ? 0 : call == 20 ? Double.NaN : 1;
        });
        assertThat(new Lbfgs(5).minimize(objective, new float[3])).isEqualTo(Optimizer.Outcome.CONVERGED);
        assertThat(calls[0]).isEqualTo(21);
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
}
