package org.neuralstyle.network;

import java.util.Locale;

/** The pooling between blocks: max as trained, or average, which gives smoother images. */
public enum Pooling {
    MAX, AVG;

    public static Pooling parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "max" -> MAX;
            case "avg", "average" -> AVG;
            default -> throw new IllegalArgumentException("unknown pooling '" + text + "' (use max or avg)");
        };
    }
}
