package org.neuralstyle.benchmark;

import java.util.Arrays;

/** Summaries of repeated timings: the median resists the odd slow run (a GC pause, another process). */
final class Timings {

    private Timings() {
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
