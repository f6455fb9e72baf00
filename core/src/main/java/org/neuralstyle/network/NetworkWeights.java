package org.neuralstyle.network;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Loaded parameters for one architecture: every convolution's weights (already in HWIO order and taking
 * RGB input) and the input normalisation. Weight-file readers produce this; the network builder consumes it.
 */
public record NetworkWeights(NetworkArchitecture architecture, Map<String, ConvolutionWeights> convolutions,
                             InputNormalization normalization, String source) {

    public NetworkWeights {
        convolutions = Map.copyOf(convolutions);
        for (Layer.Convolution conv : architecture.convolutions()) {
            ConvolutionWeights w = convolutions.get(conv.name());
            if (w == null) {
                throw new IllegalArgumentException(source + ": no weights for layer " + conv.name());
            }
            if (w.height() != conv.kernelSize() || w.width() != conv.kernelSize()
                    || w.inputChannels() != conv.inputChannels() || w.outputChannels() != conv.outputChannels()) {
                throw new IllegalArgumentException(source + ": layer " + conv.name() + " has shape " + w.shapeText()
                        + ", expected " + conv.kernelSize() + "x" + conv.kernelSize() + "x" + conv.inputChannels()
                        + "x" + conv.outputChannels() + " for " + architecture.name());
            }
        }
    }

    public ConvolutionWeights convolution(String layerName) {
        return convolutions.get(layerName);
    }

    /**
     * He-initialised random weights (activations keep their scale through the layers) with the ImageNet mean:
     * what speed depends on, without a weights file; tests and the benchmark use them.
     */
    public static NetworkWeights random(NetworkArchitecture architecture, long seed) {
        Random random = new Random(seed);
        Map<String, ConvolutionWeights> convs = new HashMap<>();
        for (Layer.Convolution c : architecture.convolutions()) {
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
        return new NetworkWeights(architecture, convs, InputNormalization.meanOnly(InputNormalization.IMAGENET_MEAN_RGB),
                "random(" + seed + ")");
    }
}
