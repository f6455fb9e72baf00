package org.neuralstyle.network;

import java.util.Map;

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
}
