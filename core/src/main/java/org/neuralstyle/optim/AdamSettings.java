package org.neuralstyle.optim;

/** Adam's hyper-parameters (Kingma and Ba 2015); defaults as the reference implementation. */
public record AdamSettings(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {

    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
    }

    public static AdamSettings defaults() {
        return new AdamSettings(new LearningRateSchedule.Constant(10), 0.9, 0.999, 1e-8);
    }
}
