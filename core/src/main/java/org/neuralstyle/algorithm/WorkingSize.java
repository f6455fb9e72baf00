package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * The size a picture is painted at when the user names none: the photo's own up to a long side of 512 px, as
 * jcjohnson/neural-style, neural-style-pt, crowsonkb's style-transfer and NNST default to. A phone's 4032 px photo
 * at its own size would take hours on a CPU, and the style's brush strokes are sized for about this width anyway.
 * A smaller photo is never enlarged unless asked ({@code --width}).
 */
public final class WorkingSize {

    /** The longest side of a picture painted without {@code --width}. */
    public static final int DEFAULT_LONG_SIDE = 512;

    private WorkingSize() {
    }

    /** The width that fits the image's long side into {@link #DEFAULT_LONG_SIDE}, or its own if it is smaller. */
    public static int defaultWidth(RgbImage image) {
        return defaultWidth(image.width(), image.height());
    }

    /** As {@link #defaultWidth(RgbImage)}, for an image of this size. */
    public static int defaultWidth(int width, int height) {
        if (Math.max(width, height) <= DEFAULT_LONG_SIDE) {
            return width;
        }
        if (width >= height) {
            return DEFAULT_LONG_SIDE;
        }
        int w = Math.max(1, (int) Math.floor((double) DEFAULT_LONG_SIDE * width / height));
        // The height follows from the width by rounding (Resampling.heightAtWidth): keep it within the limit.
        while (w > 1 && Math.max(1, Math.round((double) height * w / width)) > DEFAULT_LONG_SIDE) {
            w--;
        }
        return w;
    }
}
