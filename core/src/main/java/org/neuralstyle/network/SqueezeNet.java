package org.neuralstyle.network;

import org.neuralstyle.network.Layer.Convolution;
import org.neuralstyle.network.Layer.Padding;

import java.util.ArrayList;
import java.util.List;

/**
 * SqueezeNet 1.1 (Iandola et al. 2016): AlexNet-level accuracy with 50x fewer parameters, so style transfer
 * with it is several times faster than with VGG-19 — a fast option for previews and CPUs. Convolution names
 * follow the ONNX model zoo's file (conv0..conv25); fire modules are named as in the paper (fire2..fire9).
 */
public final class SqueezeNet {

    private SqueezeNet() {
    }

    public static NetworkArchitecture v1_1() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Convolution("conv0", 3, 2, Padding.VALID, 3, 64));
        layers.add(new Layer.Relu("relu0"));
        layers.add(new Layer.Pool("pool0", 3, 2, Padding.VALID));
        int[] conv = {1};
        layers.add(fire("fire2", conv, 64, 16, 64));
        layers.add(fire("fire3", conv, 128, 16, 64));
        layers.add(new Layer.Pool("pool3", 3, 2, Padding.VALID));
        layers.add(fire("fire4", conv, 128, 32, 128));
        layers.add(fire("fire5", conv, 256, 32, 128));
        layers.add(new Layer.Pool("pool5", 3, 2, Padding.VALID));
        layers.add(fire("fire6", conv, 256, 48, 192));
        layers.add(fire("fire7", conv, 384, 48, 192));
        layers.add(fire("fire8", conv, 384, 64, 256));
        layers.add(fire("fire9", conv, 512, 64, 256));
        // The classifier's 1x1 convolution: part of the file, used only to check a forward pass.
        layers.add(new Convolution("conv25", 1, 512, 1000));
        layers.add(new Layer.Relu("relu25"));
        return new NetworkArchitecture("squeezenet1.1", layers, List.of("fire2", "fire3"),
                List.of("relu0", "fire3", "fire4", "fire5"), recommended(), HYPERCOLUMNS);
    }

    /**
     * The Stanford CS231n setup, known to give crisp, clearly painted images with these very weights
     * (REFERENCE.md section 6): content on the first fire module, style on relu0 and fire modules 3..5 weighted
     * 20000 : 500 : 12 : 1, TV, Adam at 3.0 decayed to 0.1, from the content image. CS231n sums squares over
     * features of the 0..1 mean/std input; this project takes means over features on the 0..255 scale (x s,
     * s = 57.63), so each weight is carried over at CS231n's content size (192x128): content 5e-2 x N(fire2) / s^2
     * with N = 47x31x128; style per layer w_l x C_l^2 / s^4 (a Gram's C^2 entries), 8.25 in all; TV 5e-2 x
     * (192x128x3) / s^2, doubled; learning rate x s (a pixel step in 0..255 units).
     *
     * <p>Measured at 384 px on four photo/painting pairs of ../shared/media (README, Quality): sharpness
     * (mean |Laplacian| over the photo's) 0.9-2.8 with TV doubled, 1.0-3.3 without (the soft cat photo under
     * Starry Night came out busier than the painting), against 0.2-0.8 with the earlier defaults.
     */
    private static NetworkArchitecture.RecommendedWeights recommended() {
        double s = InputNormalization.imagenetStd().featureScale();
        double s2 = s * s;
        double content = 5e-2 * (47 * 31 * 128) / s2;
        double[] perLayer = {20000.0 * 64 * 64, 500.0 * 128 * 128, 12.0 * 256 * 256, 1.0 * 256 * 256};
        double style = java.util.Arrays.stream(perLayer).sum() / (s2 * s2);
        double tv = 2 * 5e-2 * (192 * 128 * 3) / s2;
        return new NetworkArchitecture.RecommendedWeights(round(content), round(style), round(tv), round(3 * s),
                java.util.Arrays.stream(perLayer).boxed().toList(), round(0.1 * s), 300, true, TEMPORAL);
    }

    /**
     * Neural neighbours' hypercolumns: the outputs from the first ReLU through fire7, as NNST takes VGG's from
     * the first block to the fourth (strides 2 to 16 here, 2 to 8 there); fire8 and fire9 added little but cost.
     */
    private static final List<String> HYPERCOLUMNS = List.of("relu0", "fire2", "fire3", "fire4", "fire5", "fire6",
            "fire7");

    /**
     * Ruder et al.'s 1000 was set against the reference's loss scale; these weights give a loss about five times
     * larger, and the tree clip (12 frames, 256 px, flow) flickered 3.5x more with 1000 (consistency error 0.35)
     * than the earlier defaults did (0.10); 5000 measures 0.10 again.
     */
    private static final double TEMPORAL = 5e3;

    /** Three significant digits: defaults a user can read and type. */
    private static double round(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).doubleValue();
    }

    private static Layer.Fire fire(String name, int[] nextConv, int in, int squeeze, int expand) {
        int k = nextConv[0];
        nextConv[0] += 3;
        return new Layer.Fire(name,
                new Convolution("conv" + k, 1, in, squeeze),
                new Convolution("conv" + (k + 1), 1, squeeze, expand),
                new Convolution("conv" + (k + 2), 3, squeeze, expand));
    }
}
