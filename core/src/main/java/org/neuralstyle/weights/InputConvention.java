package org.neuralstyle.weights;

import org.neuralstyle.network.InputNormalization;

import java.util.Arrays;
import java.util.Locale;

/**
 * The two input preprocessings pretrained ImageNet networks come with. A file's convention decides both the
 * input normalisation and whether its first convolution was trained on BGR (its input channels are then
 * reversed so that every loaded network takes RGB).
 */
public enum InputConvention {

    /** Caffe's VGG (and files converted from it: Keras, MatConvNet): BGR, 0..255 minus the ImageNet mean pixel. */
    CAFFE_BGR("caffe-bgr", true, InputNormalization.caffe()),

    /** torchvision and MXNet Gluon (the ONNX model zoo's VGG and SqueezeNet): RGB, 0..1, ImageNet mean and std. */
    IMAGENET_STD("imagenet-std", false, InputNormalization.imagenetStd());

    private final String optionName;
    private final boolean bgr;
    private final InputNormalization normalization;

    InputConvention(String optionName, boolean bgr, InputNormalization normalization) {
        this.optionName = optionName;
        this.bgr = bgr;
        this.normalization = normalization;
    }

    /** The name users give it ({@code --input-normalization caffe-bgr}). */
    public String optionName() {
        return optionName;
    }

    public boolean bgr() {
        return bgr;
    }

    public InputNormalization normalization() {
        return normalization;
    }

    public static InputConvention parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.optionName.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown input normalisation '" + name + "' (use "
                        + String.join(" or ", Arrays.stream(values()).map(InputConvention::optionName).toList()) + ")"));
    }
}
