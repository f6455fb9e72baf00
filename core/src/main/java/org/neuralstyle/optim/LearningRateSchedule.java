package org.neuralstyle.optim;

/** The learning rate for each optimisation step (step counted from 0). */
public sealed interface LearningRateSchedule {

    double rateAt(int step);

    /** The same rate throughout (the reference implementation's default). */
    record Constant(double rate) implements LearningRateSchedule {
        public Constant {
            requirePositive(rate, "learning rate");
        }

        @Override
        public double rateAt(int step) {
            return rate;
        }
    }

    /**
     * The paper's decaying rate: multiplied by {@code factor} every {@code interval} steps (a staircase,
     * like tf.train.exponential_decay with staircase=True; the paper's run used 20, x0.94 per 100 steps).
     */
    record ExponentialDecay(double initialRate, double factor, int interval) implements LearningRateSchedule {
        public ExponentialDecay {
            requirePositive(initialRate, "learning rate");
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("learning rate decay factor must be in (0, 1], got " + factor);
            }
            if (interval < 1) {
                throw new IllegalArgumentException("learning rate decay interval must be at least 1 step, got " + interval);
            }
        }

        @Override
        public double rateAt(int step) {
            return initialRate * Math.pow(factor, step / interval);
        }
    }

    /**
     * From {@code initialRate} to {@code finalRate} over {@code steps} steps, geometrically (a straight line on
     * a log scale), then {@code finalRate}: large steps while the picture forms, small ones to settle detail.
     */
    record Annealed(double initialRate, double finalRate, int steps) implements LearningRateSchedule {
        public Annealed {
            requirePositive(initialRate, "learning rate");
            requirePositive(finalRate, "final learning rate");
            if (steps < 1) {
                throw new IllegalArgumentException("annealing needs at least 1 step, got " + steps);
            }
        }

        @Override
        public double rateAt(int step) {
            double t = Math.min(step, steps) / (double) steps;
            return initialRate * Math.pow(finalRate / initialRate, t);
        }

        /**
         * The same annealing for a run that starts from a finished picture (a video frame from the previous
         * stylized frame): from the geometric middle of the two rates, so the first steps refine rather than repaint.
         */
        public Annealed warmStart(int runSteps) {
            return new Annealed(Math.sqrt(initialRate * finalRate), finalRate, Math.max(1, runSteps));
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
