package org.neuralstyle.algorithm;

/** The weighted loss terms at one image: total = content + style + tv. */
public record LossTerms(double content, double style, double tv, double total) {

    public boolean isFinite() {
        return Double.isFinite(total);
    }
}
