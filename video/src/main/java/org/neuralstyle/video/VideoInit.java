package org.neuralstyle.video;

import java.util.Locale;

/** Where each frame after the first starts, and whether it is held to the previous one. */
public enum VideoInit {
    /** Every frame from the run's initial image (noise by default): the flicker baseline. */
    INDEPENDENT,
    /** From the previous stylized frame: the method of "Neural Style in TensorFlow". */
    PREVIOUS,
    /** From the previous stylized frame warped by the optical flow, plus the temporal loss (Ruder et al. 2016). */
    FLOW;

    public static VideoInit parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown video init '" + name + "' (use independent, previous or flow)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
