package org.neuralstyle.network;

/**
 * How a network wants its RGB input on the 0..255 scale: (pixel - mean) * scale per channel.
 * VGG: subtract the ImageNet mean pixel, scale 1. Networks trained on 0..1 data with a standard
 * deviation use scale = 1 / (255 * std).
 */
public record InputNormalization(float[] meanRgb, float[] scaleRgb) {

    /** The ImageNet mean pixel used by VGG (RGB order). */
    public static final float[] IMAGENET_MEAN_RGB = {123.68f, 116.779f, 103.939f};

    public InputNormalization {
        if (meanRgb.length != 3 || scaleRgb.length != 3) {
            throw new IllegalArgumentException("mean and scale need 3 channels");
        }
        meanRgb = meanRgb.clone();
        scaleRgb = scaleRgb.clone();
    }

    public static InputNormalization meanOnly(float[] meanRgb) {
        return new InputNormalization(meanRgb, new float[] {1, 1, 1});
    }
}
