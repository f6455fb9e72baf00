package org.neuralstyle.optim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989), the optimiser of Gatys et al. and of
 * jcjohnson/neural-style, which the paper names as future work. The search direction comes from the two-loop
 * recursion over the last {@code historySize} steps; the step length from a backtracking (Armijo) line search
 * that treats a NaN or infinite loss as "too far" and never accepts it, and steps back by interpolation rather
 * than by fixed halves.
 *
 * <p>The first step has no curvature pair to scale it. Torch's {@code optim.lbfgs} takes min(1, 1/|g|_1) of the
 * gradient there, a step meant for parameters of order 1: on pixels of 0..255 it moves each by about 1e-6, so the
 * line search sees only rounding and the first curvature pair is noise. Every loss here is a sum of squares,
 * bounded below by 0, so the first trial is instead the step to where the line's tangent reaches 0,
 * t = f / |g'd|: never too short, and the interpolating backtrack finds the line's minimum from it in a few
 * evaluations.
 */
public final class Lbfgs implements Optimizer {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 25;
    /** Converged when the largest gradient component is at most this (torch's tolerance_grad). */
    private static final double GRADIENT_TOLERANCE = 1e-7;
    /** Converged when a step changes the loss by less than this fraction of it (and the loss is stuck). */
    private static final double RELATIVE_CHANGE_TOLERANCE = 1e-9;

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
        double[] recursion = new double[n]; // the two-loop's q, in double (kept: 8 bytes a value, every evaluation)
        float[] trial = new float[n];
        float[] trialGradient = new float[n];
        while (!objective.exhausted()) {
            if (maxMagnitude(g) <= GRADIENT_TOLERANCE) {
                return Outcome.CONVERGED;
            }
            searchDirection(g, history, scaling.diagonal(), recursion, direction);
            double slope = Vectors.dot(g, direction);
            if (!(slope < 0)) { // not a descent direction: forget the curvature and go downhill
                history.clear();
                negate(g, direction);
                slope = Vectors.dot(g, direction);
            }
            // With curvature pairs the quasi-Newton step (t = 1) is scaled; without, see the class comment.
            double t = history.isEmpty() ? firstStep(f, slope, direction) : 1;
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
                t = backtrack(t, f, slope, fTrial);
            }
            if (!accepted) {
                return objective.exhausted() ? Outcome.BUDGET_SPENT
                        : sawFinite ? Outcome.CONVERGED : Outcome.NOT_FINITE;
            }
            double change = f - fTrial;
            remember(history, x, trial, g, trialGradient);
            scaling.observe(trialGradient);
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            f = fTrial;
            if (change <= RELATIVE_CHANGE_TOLERANCE * Math.abs(f) && t * maxMagnitude(direction) <= 1e-9) {
                return Outcome.CONVERGED; // the step no longer moves anything: nothing left to gain
            }
        }
        return Outcome.BUDGET_SPENT;
    }

    /**
     * The first trial step without curvature: to where the tangent f + t g'd reaches 0, the lower bound of every
     * loss here. Where the loss is not positive, the step that moves the largest component by 1.
     */
    static double firstStep(double f, double slope, float[] direction) {
        if (f > 0) {
            return f / -slope;
        }
        return 1 / Math.max(maxMagnitude(direction), 1e-30);
    }

    /**
     * The next, shorter trial after a rejected one at t: the minimum of the quadratic through f(0), its slope and
     * f(t), kept within [t/10, t/2] so the search neither stalls nor collapses. A non-finite trial: t/10.
     */
    static double backtrack(double t, double f, double slope, double fTrial) {
        if (!Double.isFinite(fTrial)) {
            return 0.1 * t;
        }
        double curvature = fTrial - f - slope * t; // > 0 for a rejected trial
        double minimum = curvature > 0 ? -slope * t * t / (2 * curvature) : 0.5 * t;
        return Math.max(0.1 * t, Math.min(0.5 * t, minimum));
    }

    private void remember(Deque<Correction> history, float[] x, float[] xNew, float[] g, float[] gNew) {
        int n = x.length;
        float[] s = history.size() == historySize ? history.removeFirst().s() : new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        double sy = Vectors.dot(s, y);
        if (sy > 1e-10) { // only curvature that keeps the approximate Hessian positive definite
            history.addLast(new Correction(s, y, 1 / sy));
        }
    }

    /**
     * direction = -H g by the two-loop recursion. The initial inverse Hessian is diagonal, H0 = gamma D, with
     * gamma = s'y / y'Dy of the newest pair: D comes from {@link DiagonalScaling}.
     */
    private static void searchDirection(float[] g, Deque<Correction> history, float[] d, double[] q,
                                        float[] direction) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            q[i] = -g[i];
        }
        Correction[] pairs = history.toArray(new Correction[0]);
        int m = pairs.length;
        // Newest to oldest: alpha_k = rho_k s_k.q, q -= alpha_k y_k, each update fused with the next dot product.
        double[] alpha = new double[m];
        double sq = m > 0 ? Vectors.dot(pairs[m - 1].s(), q) : 0;
        for (int k = m - 1; k >= 0; k--) {
            alpha[k] = pairs[k].rho() * sq;
            sq = Vectors.addScaledThenDot(q, -alpha[k], pairs[k].y(), k > 0 ? pairs[k - 1].s() : null);
        }
        double gamma = 1;
        if (m > 0) {
            Correction newest = pairs[m - 1];
            double yDy = 0;
            for (int i = 0; i < n; i++) {
                yDy += (double) newest.y()[i] * newest.y()[i] * d[i];
            }
            gamma = 1 / (newest.rho() * yDy);
        }
        for (int i = 0; i < n; i++) {
            q[i] *= gamma * d[i];
        }
        // Oldest to newest: beta_k = rho_k y_k.q, q += (alpha_k - beta_k) s_k, fused the same way.
        double yq = m > 0 ? Vectors.dot(pairs[0].y(), q) : 0;
        for (int k = 0; k < m; k++) {
            double beta = pairs[k].rho() * yq;
            yq = Vectors.addScaledThenDot(q, alpha[k] - beta, pairs[k].s(), k + 1 < m ? pairs[k + 1].y() : null);
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

    private static double maxMagnitude(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
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
