package org.neuralstyle.algorithm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weighted loss terms at one image, by name, in the order the loss lists them, and their sum: content, style and
 * tv for every picture, temporal for a video frame held to the previous one ({@link SequenceStyleTransfer}), and any
 * term the options add ({@link ImageTerm}). Displays show whatever terms there are.
 */
public record LossTerms(Map<String, Double> terms, double total) {

    public static final String CONTENT = "content";
    public static final String STYLE = "style";
    public static final String TV = "tv";
    public static final String TEMPORAL = "temporal";

    public LossTerms {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** A term's value; 0 for a term this loss does not have. */
    public double value(String name) {
        return terms.getOrDefault(name, 0.0);
    }

    public double content() {
        return value(CONTENT);
    }

    public double style() {
        return value(STYLE);
    }

    public double tv() {
        return value(TV);
    }

    public double temporal() {
        return value(TEMPORAL);
    }

    public boolean isFinite() {
        return Double.isFinite(total);
    }
}
