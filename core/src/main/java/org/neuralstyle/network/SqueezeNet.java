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
        // Measured on real photos at 128 px: these weights give a clearly stylized image in 300 iterations. They
        // were content 20 and style 1e5 on the features of the 0..1 mean/std input the model takes; features are
        // now put on the 0..255 scale (x 57.6, see InputNormalization.featureScale), which divides them by
        // 57.6^2 and 57.6^4.
        return new NetworkArchitecture("squeezenet1.1", layers, List.of("fire4", "fire5"),
                List.of("relu0", "fire2", "fire4", "fire6"),
                new NetworkArchitecture.RecommendedWeights(6e-3, 9e-3, 10, 2));
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
