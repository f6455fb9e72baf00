package org.neuralstyle.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The convolutional parts of VGG-19 and VGG-16 (Simonyan and Zisserman 2014), with the layer names of
 * the MatConvNet files. Content defaults to relu4_2 and style to relu1_1..relu5_1 (Gatys et al.).
 */
public final class Vgg {

    private static final int[] CHANNELS = {64, 128, 256, 512, 512};
    /** relu4_2 carries the content; --content-weight-blend below 1 moves a share to relu5_2 (the reference's). */
    private static final List<String> CONTENT = List.of("relu4_2", "relu5_2");
    private static final List<String> STYLE = List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");
    /**
     * Neural neighbours' hypercolumns: NNST's VGG-16 layers (their feature_list_final: every ReLU of blocks 1-4;
     * the fifth block dropped "without hurting quality"), which VGG-19 has under the same names.
     */
    private static final List<String> HYPERCOLUMNS = List.of("relu1_1", "relu1_2", "relu2_1", "relu2_2",
            "relu3_1", "relu3_2", "relu3_3", "relu4_1", "relu4_2", "relu4_3");

    private Vgg() {
    }

    public static NetworkArchitecture vgg19() {
        return build("vgg19", new int[] {2, 2, 4, 4, 4});
    }

    public static NetworkArchitecture vgg16() {
        return build("vgg16", new int[] {2, 2, 3, 3, 3});
    }

    private static NetworkArchitecture build(String name, int[] convsPerBlock) {
        List<Layer> layers = new ArrayList<>();
        int in = 3;
        for (int block = 1; block <= 5; block++) {
            int out = CHANNELS[block - 1];
            for (int i = 1; i <= convsPerBlock[block - 1]; i++) {
                layers.add(new Layer.Convolution("conv" + block + "_" + i, 3, in, out));
                layers.add(new Layer.Relu("relu" + block + "_" + i));
                in = out;
            }
            if (block < 5) {
                // pool5 feeds only the classifier, which style transfer never uses.
                layers.add(new Layer.Pool("pool" + block));
            }
        }
        return new NetworkArchitecture(name, layers, CONTENT, STYLE, NetworkArchitecture.RecommendedWeights.REFERENCE,
                HYPERCOLUMNS);
    }
}
