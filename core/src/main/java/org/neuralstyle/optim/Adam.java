package org.neuralstyle.optim;

/**
 * Adam over a flat parameter vector, in TensorFlow's formulation (the reference implementation's
 * tf.train.AdamOptimizer): the bias correction is folded into the step size,
 * lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and x -= lr_t * m / (sqrt(v) + epsilon).
 */
public final class Adam implements Optimizer {

    private final AdamSettings settings;
    private final float[] m;
    private final float[] v;
    /** Steps taken by this state, across runs: what the bias correction counts. */
    private int step;
    /** Steps taken by this optimiser: where its learning rate schedule is. */
    private int runStep;

    /**
     * Adam's running state: the first and second moment estimates and the steps taken, which the bias correction
     * counts. Carried from one run to the next (a coarse-to-fine run's next scale) so that it need not learn the
     * gradient's scale again from nothing.
     */
    public record State(float[] m, float[] v, int step) {
        public State {
            if (m.length != v.length || step < 0) {
                throw new IllegalArgumentException("moments of " + m.length + " and " + v.length + " values, step " + step);
            }
        }
    }

    public Adam(AdamSettings settings, int size) {
        this(settings, new State(new float[size], new float[size], 0));
    }

    /** Continues from a state; its moments are taken over, not copied. */
    public Adam(AdamSettings settings, State start) {
        this.settings = settings;
        this.m = start.m();
        this.v = start.v();
        this.step = start.step();
    }

    /** The state now, as a copy. */
    public State state() {
        return new State(m.clone(), v.clone(), step);
    }

    /**
     * One evaluation per step, as the reference implementation; after each step x is projected back into the
     * objective's allowed set; stops at a loss that is not finite.
     */
    @Override
    public Outcome minimize(Objective objective, float[] x) {
        float[] gradient = new float[x.length];
        while (true) {
            double loss = objective.evaluate(x, gradient);
            if (!Double.isFinite(loss)) {
                return Outcome.NOT_FINITE;
            }
            if (objective.exhausted()) {
                return Outcome.BUDGET_SPENT;
            }
            step(x, gradient);
            objective.project(x);
        }
    }

    /** Updates x in place from the gradient of the loss at x. */
    public void step(float[] x, float[] gradient) {
        if (x.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("expected " + m.length + " parameters");
        }
        double lr = settings.schedule().rateAt(runStep);
        runStep++;
        step++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double lrT = lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step));
        float eps = (float) settings.epsilon();
        float fb1 = (float) b1;
        float fb2 = (float) b2;
        float flr = (float) lrT;
        for (int i = 0; i < x.length; i++) {
            float g = gradient[i];
            float mi = fb1 * m[i] + (1 - fb1) * g;
            float vi = fb2 * v[i] + (1 - fb2) * g * g;
            m[i] = mi;
            v[i] = vi;
            x[i] -= flr * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    public int stepsTaken() {
        return runStep;
    }
}
