package org.neuralstyle.weights;

import org.neuralstyle.network.ConvolutionWeights;

/**
 * One convolution as a weights file holds it: its name in the architecture's words where the file's naming is
 * known (Keras' {@code block3_conv1} is {@code conv3_1}), the file's own name, and its weights in HWIO order as
 * trained (a BGR-trained first layer still takes BGR here).
 */
public record FileConvolution(String name, String fileName, ConvolutionWeights weights) {

    public FileConvolution {
        if (name == null || fileName == null || weights == null) {
            throw new IllegalArgumentException("a convolution needs a name, its name in the file and weights");
        }
    }

    public String shapeText() {
        return weights.shapeText();
    }
}
