package org.neuralstyle.testing;

import org.neuralstyle.network.ConvolutionWeights;
import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Layer;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

    /** He-initialised random weights (activations keep their scale through the layers), ImageNet mean. */
    public static NetworkWeights randomWeights(NetworkArchitecture arch, long seed) {
        Random random = new Random(seed);
        Map<String, ConvolutionWeights> convs = new HashMap<>();
        for (Layer.Convolution c : arch.convolutions()) {
            int n = c.kernelSize() * c.kernelSize() * c.inputChannels() * c.outputChannels();
            float[] kernel = new float[n];
            double std = Math.sqrt(2.0 / (c.kernelSize() * c.kernelSize() * c.inputChannels()));
            for (int i = 0; i < n; i++) {
                kernel[i] = (float) (random.nextGaussian() * std);
            }
            float[] bias = new float[c.outputChannels()];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = (float) (random.nextGaussian() * 0.1);
            }
            convs.put(c.name(), new ConvolutionWeights(c.kernelSize(), c.kernelSize(), c.inputChannels(),
                    c.outputChannels(), kernel, bias));
        }
        return new NetworkWeights(arch, convs, InputNormalization.meanOnly(InputNormalization.IMAGENET_MEAN_RGB),
                "random(" + seed + ")");
    }
}
