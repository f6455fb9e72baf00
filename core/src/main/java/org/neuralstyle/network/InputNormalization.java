package org.neuralstyle.network;

/**
 * How a network wants its RGB input on the 0..255 scale: (pixel - mean) * scale per channel.
 * Caffe-trained VGG (MatConvNet, Keras, Caffe files): subtract the ImageNet mean pixel, scale 1. Networks
 * trained on 0..1 data with a standard deviation (torchvision, MXNet Gluon, the ONNX model zoo) use
 * scale = 1 / (255 * std).
 */
public record InputNormalization(float[] meanRgb, float[] scaleRgb) {

    /** The ImageNet mean pixel used by VGG (RGB order, 0..255). */
    public static final float[] IMAGENET_MEAN_RGB = {123.68f, 116.779f, 103.939f};

    /** ImageNet statistics on the 0..1 scale that torchvision and MXNet Gluon models are trained with. */
    private static final float[] IMAGENET_MEAN_01 = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD_01 = {0.229f, 0.224f, 0.225f};

    public InputNormalization {
        if (meanRgb.length != 3 || scaleRgb.length != 3) {
            throw new IllegalArgumentException("mean and scale need 3 channels");
        }
        for (float s : scaleRgb) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("input scale must be positive, got " + s);
            }
        }
        meanRgb = meanRgb.clone();
        scaleRgb = scaleRgb.clone();
    }

    public static InputNormalization meanOnly(float[] meanRgb) {
        return new InputNormalization(meanRgb, new float[] {1, 1, 1});
    }

    /** Caffe's VGG preprocessing: 0..255 minus the ImageNet mean pixel. */
    public static InputNormalization caffe() {
        return meanOnly(IMAGENET_MEAN_RGB);
    }

    /** (x / 255 - mean) / std with ImageNet's 0..1 statistics, written as (x - 255 mean) * 1 / (255 std). */
    public static InputNormalization imagenetStd() {
        float[] mean = new float[3];
        float[] scale = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = 255 * IMAGENET_MEAN_01[c];
            scale[c] = 1 / (255 * IMAGENET_STD_01[c]);
        }
        return new InputNormalization(mean, scale);
    }

    /**
     * How much larger a network's features would be had it been trained on the 0..255 mean-only scale of
     * Caffe's VGG: 1 / (geometric mean of the input scales). The networks are ReLU convolutions, whose
     * activations grow in proportion to their input, so features of a 0..1 mean/std network are about 57.6x
     * smaller than those of a Caffe VGG (REFERENCE.md section 3). Multiplying features by this factor puts every
     * weights file on one scale, so the same loss weights mean the same thing for every file.
     */
    public double featureScale() {
        double logSum = 0;
        for (float s : scaleRgb) {
            logSum += Math.log(s);
        }
        return Math.exp(-logSum / 3);
    }

    public String describe() {
        boolean unitScale = scaleRgb[0] == 1 && scaleRgb[1] == 1 && scaleRgb[2] == 1;
        String mean = String.format(java.util.Locale.ROOT, "(%.3f, %.3f, %.3f)", meanRgb[0], meanRgb[1], meanRgb[2]);
        if (unitScale) {
            return "0..255 RGB minus mean " + mean;
        }
        return String.format(java.util.Locale.ROOT, "(0..255 RGB - %s) x (%.5f, %.5f, %.5f); features x %.2f to the "
                + "0..255 scale", mean, scaleRgb[0], scaleRgb[1], scaleRgb[2], featureScale());
    }
}
