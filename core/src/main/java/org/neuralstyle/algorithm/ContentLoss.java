package org.neuralstyle.algorithm;

import java.util.Locale;

/**
 * How the content is held, chosen with {@code --content-loss}: the paper's mean squared error between the image's
 * and the photo's features (equation 1), or STROTSS's self-similarity (Kolkin et al. 2019, as NNST's optional
 * content loss): the picture's colours, averaged down to about 32 px, keep the photo's pattern of which parts are
 * alike and which differ, whatever the colours themselves become ({@link SelfSimilarityTerm}).
 */
public enum ContentLoss {
    MSE, SELF_SIMILARITY;

    /**
     * The weight of the self-similarity term where none is given: NNST's 1 on colours of 0..1, on this project's
     * 0..255 (its distances are 255 times larger).
     */
    public static final double SELF_SIMILARITY_WEIGHT = 1.0 / 255;

    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ContentLoss parse(String name) {
        for (ContentLoss c : values()) {
            if (c.optionName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown content loss '" + name + "' (use mse or self-similarity)");
    }
}
