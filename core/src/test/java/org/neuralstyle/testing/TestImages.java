package org.neuralstyle.testing;

import org.neuralstyle.image.RgbImage;

import java.util.Random;

/** Images for tests. */
public final class TestImages {

    private TestImages() {
    }

    /** Uniform random pixels in 1..255 (strictly positive, so ReLU passes an identity network's features). */
    public static RgbImage random(int w, int h, long seed) {
        Random random = new Random(seed);
        float[] px = new float[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = 1 + 254 * random.nextFloat();
        }
        return new RgbImage(w, h, px);
    }
}
