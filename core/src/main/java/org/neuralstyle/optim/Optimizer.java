package org.neuralstyle.optim;

/** Minimises an objective in place, evaluating it until its budget is spent or there is nothing left to gain. */
public interface Optimizer {

    enum Outcome {
        /** The budget was spent (or the caller stopped it). */
        BUDGET_SPENT,
        /** No step lowered the loss any more. */
        CONVERGED,
        /** The loss was NaN or infinite where the optimiser could not avoid it. */
        NOT_FINITE
    }

    Outcome minimize(Objective objective, float[] x);
}
