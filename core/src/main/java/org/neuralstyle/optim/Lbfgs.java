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
        DiagonalScaling scaling = new DiagonalScaling(n);
        scaling.observe(g);
        float[] direction = new float[n];
        float[] trial = new float[n];
        float[] trialGradient = new float[n];
        boolean first = true;
        while (!objective.exhausted()) {
            searchDirection(g, history, scaling.diagonal(), direction);
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
            boolean sawFinite = false;
            for (int k = 0; k < MAX_BACKTRACKS && !objective.exhausted(); k++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = (float) (x[i] + t * direction[i]);
                }
                fTrial = objective.evaluate(trial, trialGradient);
                sawFinite |= Double.isFinite(fTrial);
                if (Double.isFinite(fTrial) && fTrial <= f + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                return objective.exhausted() ? Outcome.BUDGET_SPENT
                        : sawFinite ? Outcome.CONVERGED : Outcome.NOT_FINITE;
            }
            remember(history, x, trial, g, trialGradient);
            scaling.observe(trialGradient);
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

    /**
     * direction = -H g by the two-loop recursion. The initial inverse Hessian is diagonal, H0 = gamma D, with
     * gamma = s'y / y'Dy of the newest pair: D comes from {@link DiagonalScaling}.
     */
    private static void searchDirection(float[] g, Deque<Correction> history, float[] d, float[] direction) {
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
        double gamma = 1;
        if (!history.isEmpty()) {
            Correction newest = history.getLast();
            double yDy = 0;
            for (int i = 0; i < n; i++) {
                yDy += (double) newest.y()[i] * newest.y()[i] * d[i];
            }
            gamma = 1 / (newest.rho() * yDy);
        }
        for (int i = 0; i < n; i++) {
            q[i] *= gamma * d[i];
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

    /**
     * A diagonal preconditioner: the inverse root of a running mean of each coordinate's squared gradient (as
     * Adam and RMSProp scale their steps), normalised to mean 1. Networks whose first layer is strided
     * (SqueezeNet's 3x3/2) see some pixels through four windows and their neighbours through one, so pixel
     * gradients differ by large factors in a fixed pattern; a scalar H0 leaves that ill-conditioning to the
     * few stored pairs, a diagonal one removes it.
     */
    private static final class DiagonalScaling {
        private static final double DECAY = 0.9;
        private final double[] meanSquare;
        private final float[] diagonal;
        private boolean started;

        DiagonalScaling(int n) {
            meanSquare = new double[n];
            diagonal = new float[n];
        }

        void observe(float[] g) {
            double sum = 0;
            for (int i = 0; i < g.length; i++) {
                double g2 = (double) g[i] * g[i];
                meanSquare[i] = started ? DECAY * meanSquare[i] + (1 - DECAY) * g2 : g2;
                sum += Math.sqrt(meanSquare[i]);
            }
            started = true;
            // A floor relative to the typical magnitude keeps a coordinate with no gradient yet from taking
            // an unbounded step.
            double floor = 1e-3 * sum / g.length + 1e-30;
            double total = 0;
            for (int i = 0; i < g.length; i++) {
                diagonal[i] = (float) (1 / (Math.sqrt(meanSquare[i]) + floor));
                total += diagonal[i];
            }
            float norm = (float) (g.length / total);
            for (int i = 0; i < g.length; i++) {
                diagonal[i] *= norm;
            }
        }

        float[] diagonal() {
            return diagonal;
        }
    }
}
