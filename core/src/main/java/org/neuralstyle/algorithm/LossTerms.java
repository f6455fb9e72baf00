package org.neuralstyle.algorithm;

/**
 * The weighted loss terms at one image: total = content + style + tv + temporal. The temporal term is 0
 * except for a video frame held to the previous one ({@link SequenceStyleTransfer}).
 */
public record LossTerms(double content, double style, double tv, double temporal, double total) {

    public boolean isFinite() {
        return Double.isFinite(total);
    }
}
