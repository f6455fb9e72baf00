package org.neuralstyle.optim;

import org.neuralstyle.settings.InvalidSetting;

import static org.neuralstyle.settings.InvalidSetting.requireAtLeast;
import static org.neuralstyle.settings.InvalidSetting.requirePositive;

/** The learning rate for each optimisation step (step counted from 0). */
public sealed interface LearningRateSchedule {

    double rateAt(int step);

    /** The same rate throughout (the reference implementation's default). */
    record Constant(double rate) implements LearningRateSchedule {
        public Constant {
            requirePositive(rate, "learningRate", "learning rate");
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
            requirePositive(initialRate, "learningRate", "learning rate");
            if (!(factor > 0 && factor <= 1)) {
                throw new InvalidSetting("learningRateDecay", "learning rate decay factor", "must be in (0, 1]", factor);
            }
            requireAtLeast(interval, 1, "learningRateDecayInterval", "learning rate decay interval");
        }

        @Override
        public double rateAt(int step) {
            return initialRate * Math.pow(factor, step / interval);
        }
    }

    /**
     * The rate a network recommends for a run of this many iterations: constant where the two rates are the same,
     * else annealed from the first to the last.
     */
    static LearningRateSchedule recommended(double initialRate, double finalRate, int iterations) {
        return finalRate == initialRate ? new Constant(initialRate) : Annealed.over(initialRate, finalRate, iterations);
    }

    /**
     * From {@code initialRate} to {@code finalRate} over {@code steps} steps, geometrically (a straight line on
     * a log scale), then {@code finalRate}: large steps while the picture forms, small ones to settle detail.
     */
    record Annealed(double initialRate, double finalRate, int steps) implements LearningRateSchedule {
        public Annealed {
            requirePositive(initialRate, "learningRate", "learning rate");
            requirePositive(finalRate, "finalLearningRate", "final learning rate");
            requireAtLeast(steps, 1, "annealingSteps", "annealing steps");
        }

        @Override
        public double rateAt(int step) {
            double t = Math.min(step, steps) / (double) steps;
            return initialRate * Math.pow(finalRate / initialRate, t);
        }

        /**
         * From {@code initialRate} to {@code finalRate} over a run of this many iterations: the last rate is reached
         * at its last step (iteration 0 is the start, not a step).
         */
        public static Annealed over(double initialRate, double finalRate, int iterations) {
            return new Annealed(initialRate, finalRate, Math.max(1, iterations - 1));
        }

        /**
         * The same annealing for one run of its own (a scale of coarse-to-fine, a video frame), over its iterations;
         * a run that starts from a finished picture (the previous scale or frame) begins at the geometric middle of
         * the two rates, so that its first steps refine rather than repaint it.
         */
        public Annealed forRun(int runIterations, boolean fromAFinishedPicture) {
            Annealed run = over(initialRate, finalRate, runIterations);
            return fromAFinishedPicture ? new Annealed(Math.sqrt(initialRate * finalRate), finalRate, run.steps()) : run;
        }
    }
}
