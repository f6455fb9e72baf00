package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

/**
 * Where the optimisation starts. NOISE: the network's mean pixel plus N(0,1) * 0.256 (nearly flat grey, as the
 * reference). CONTENT or IMAGE: that image blended with noise, base * (1 - r) + noise * r in mean-subtracted
 * space, the noise scaled to 0.1 of the base image's standard deviation (as the reference implementation).
 */
public record Initialization(Kind kind, RgbImage image, double noiseBlend) {

    public enum Kind { NOISE, CONTENT, IMAGE }

    public Initialization {
        if (!(noiseBlend >= 0 && noiseBlend <= 1)) {
            throw new IllegalArgumentException("initial noise blend must be in [0, 1], got " + noiseBlend);
        }
        if ((kind == Kind.IMAGE) != (image != null)) {
            throw new IllegalArgumentException("an image is given exactly when starting from an image");
        }
    }

    public static Initialization noise() {
        return new Initialization(Kind.NOISE, null, 1);
    }

    public static Initialization content(double noiseBlend) {
        return new Initialization(Kind.CONTENT, null, noiseBlend);
    }

    public static Initialization image(RgbImage image, double noiseBlend) {
        return new Initialization(Kind.IMAGE, image, noiseBlend);
    }
}
