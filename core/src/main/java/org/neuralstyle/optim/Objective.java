package org.neuralstyle.optim;

/** A function to minimise over a flat parameter vector, with a budget of evaluations. */
public interface Objective {

    /** The loss at x; writes d(loss)/dx into gradient. May be NaN or infinite. */
    double evaluate(float[] x, float[] gradient);

    /** True when no more evaluations may be made (budget spent, or the caller asked to stop). */
    boolean exhausted();

    /** Puts x back into the allowed set after a step (pixels into 0..255); nothing by default. */
    default void project(float[] x) {
    }
}
