package org.neuralstyle.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989), the optimiser of Gatys et al. and of
 * jcjohnson/neural-style, which the paper names as future work. The search direction comes from the two-loop
 * recursion over the last {@code historySize} steps; the step length from a backtracking (Armijo) line search
 * that treats a NaN or infinite loss as "too far" and never accepts it.
 */
public final class Lbfgs implements Optimizer {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 20;

    private final int historySize;

    public Lbfgs(int historySize) {
        if (historySize < 1) {
            throw new IllegalArgumentException("L-BFGS history size must be at least 1, got " + historySize);
        }
        this.historySize = historySize;
    }

    private record Correction(float[] s, float[] y, double rho) {
    }

    @Override
    public Outcome minimize(Objective objective, float[] x) {
        int n = x.length;
        float[] g = new float[n];
        double f = objective.evaluate(x, g);
        if (!Double.isFinite(f)) {
            return Outcome.NOT_FINITE;
        }
        Deque<Correction> history = new ArrayDeque<>();
        float[] direction = new float[n];
        float[] trial = new float[n];
        float[] trialGradient = new float[n];
        boolean first = true;
        while (!objective.exhausted()) {
            searchDirection(g, history, direction);
            double slope = dot(g, direction);
            if (!(slope < 0)) { // not a descent direction: forget the curvature and go downhill
                history.clear();
                negate(g, direction);
                slope = dot(g, direction);
            }
            if (slope == 0) {
                return Outcome.CONVERGED;
            }
            // The first step has no curvature to scale it: t = min(1, 1 / |g|_1), as torch's optim.lbfgs.
            double t = first ? Math.min(1, 1 / sumOfMagnitudes(g)) : 1;
            first = false;
            double fTrial = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < MAX_BACKTRACKS && !objective.exhausted(); k++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = (float) (x[i] + t * direction[i]);
                }
                fTrial = objective.evaluate(trial, trialGradient);
                if (Double.isFinite(fTrial) && fTrial <= f + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                return objective.exhausted() ? Outcome.BUDGET_SPENT
                        : Double.isFinite(fTrial) ? Outcome.CONVERGED : Outcome.NOT_FINITE;
            }
            remember(history, x, trial, g, trialGradient);
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            f = fTrial;
        }
        return Outcome.BUDGET_SPENT;
    }

    private void remember(Deque<Correction> history, float[] x, float[] xNew, float[] g, float[] gNew) {
        int n = x.length;
        float[] s = history.size() == historySize ? history.removeFirst().s() : new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        double sy = dot(s, y);
        if (sy > 1e-10) { // only curvature that keeps the approximate Hessian positive definite
            history.addLast(new Correction(s, y, 1 / sy));
        }
    }

    /** direction = -H g by the two-loop recursion, H0 scaled by s'y / y'y of the newest pair. */
    private static void searchDirection(float[] g, Deque<Correction> history, float[] direction) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = -g[i];
        }
        double[] alpha = new double[history.size()];
        int k = history.size() - 1;
        for (Iterator<Correction> it = history.descendingIterator(); it.hasNext(); k--) {
            Correction c = it.next();
            double a = c.rho() * dot(c.s(), q);
            alpha[k] = a;
            for (int i = 0; i < n; i++) {
                q[i] -= a * c.y()[i];
            }
        }
        if (!history.isEmpty()) {
            Correction newest = history.getLast();
            double gamma = 1 / (newest.rho() * dot(newest.y(), newest.y()));
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (Correction c : history) {
            double b = c.rho() * dot(c.y(), q);
            for (int i = 0; i < n; i++) {
                q[i] += (alpha[k] - b) * c.s()[i];
            }
            k++;
        }
        for (int i = 0; i < n; i++) {
            direction[i] = (float) q[i];
        }
    }

    private static void negate(float[] g, float[] out) {
        for (int i = 0; i < g.length; i++) {
            out[i] = -g[i];
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double dot(float[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sumOfMagnitudes(float[] v) {
        double s = 0;
        for (float f : v) {
            s += Math.abs(f);
        }
        return Math.max(s, 1e-12);
    }
}
