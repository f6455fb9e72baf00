package org.neuralstyle.testing;

import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.util.List;

/** Small architectures and random weights for tests. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** conv1_1 (3->4) relu1_1 pool1 conv2_1 (4->6) relu2_1 conv2_2 (6->6) relu2_2: VGG names, tiny widths. */
    public static NetworkArchitecture tinyVgg() {
        return new NetworkArchitecture("tiny-vgg", List.of(
                new Layer.Convolution("conv1_1", 3, 3, 4), new Layer.Relu("relu1_1"), new Layer.Pool("pool1"),
                new Layer.Convolution("conv2_1", 3, 4, 6), new Layer.Relu("relu2_1"),
                new Layer.Convolution("conv2_2", 3, 6, 6), new Layer.Relu("relu2_2")),
                List.of("relu2_1", "relu2_2"), List.of("relu1_1", "relu2_1"));
    }

    /** He-initialised random weights: see {@link NetworkWeights#random}. */
    public static NetworkWeights randomWeights(NetworkArchitecture arch, long seed) {
        return NetworkWeights.random(arch, seed);
    }
}
