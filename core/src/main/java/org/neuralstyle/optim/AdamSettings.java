package org.neuralstyle.optim;

import org.neuralstyle.settings.InvalidSetting;

/** Adam's hyper-parameters (Kingma and Ba 2015); defaults as the reference implementation. */
public record AdamSettings(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new InvalidSetting("beta1", "beta1", "must be in [0, 1)", beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new InvalidSetting("beta2", "beta2", "must be in [0, 1)", beta2);
        }
        InvalidSetting.requirePositive(epsilon, "epsilon", "epsilon");
    }

    /** The reference implementation's betas and epsilon with this learning rate schedule. */
    public static AdamSettings of(LearningRateSchedule schedule) {
        return new AdamSettings(schedule, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }
}
