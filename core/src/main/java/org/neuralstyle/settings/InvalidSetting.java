package org.neuralstyle.settings;

/**
 * A setting outside what it may be, found by the record that holds it (records validate themselves). It names the
 * setting by its record component ({@link #setting()}: "contentWeight"), so that a front end can say which of its own
 * options it was ("--content-weight must be ..."), and in words for a library user ("content weight must be ...").
 */
public final class InvalidSetting extends IllegalArgumentException {

    private final String setting;
    private final String requirement;
    private final transient Object value;

    /**
     * @param setting     the record component: "contentWeight"
     * @param words       the setting in words: "content weight"
     * @param requirement what it must be: "must be a non-negative number"
     * @param value       what it was
     */
    public InvalidSetting(String setting, String words, String requirement, Object value) {
        super(words + " " + requirement + ", got " + value);
        this.setting = setting;
        this.requirement = requirement;
        this.value = value;
    }

    public String setting() {
        return setting;
    }

    public String requirement() {
        return requirement;
    }

    public Object value() {
        return value;
    }

    /** The same refusal in a front end's words: its option for the setting in place of the setting's own. */
    public String sayingOption(String option) {
        return option + " " + requirement + ", got " + value;
    }

    /** value >= 0 and finite. */
    public static void requireNonNegative(double value, String setting, String words) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidSetting(setting, words, "must be a non-negative number", value);
        }
    }

    /** value > 0 and finite. */
    public static void requirePositive(double value, String setting, String words) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSetting(setting, words, "must be positive", value);
        }
    }

    /** value >= min. */
    public static void requireAtLeast(int value, int min, String setting, String words) {
        if (value < min) {
            throw new InvalidSetting(setting, words, "must be at least " + min, value);
        }
    }
}
