package org.neuralstyle.studio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One point of a job's loss curves: the total and every term, by name, at an iteration (counted across scales). */
public record LossPoint(int iteration, double total, Map<String, Double> terms) {

    public LossPoint {
        // A curve saved before terms were named has none: it shows its total.
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms == null ? Map.of() : terms));
    }
}
