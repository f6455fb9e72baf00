package org.neuralstyle.network;

/**
 * One convolution's parameters: the kernel in TensorFlow's HWIO order (row-major over
 * height, width, input channel, output channel) and one bias per output channel.
 */
public record ConvolutionWeights(int height, int width, int inputChannels, int outputChannels,
                                 float[] kernel, float[] bias) {

    public ConvolutionWeights {
        if (kernel.length != height * width * inputChannels * outputChannels) {
            throw new IllegalArgumentException("kernel has " + kernel.length + " values, expected "
                    + height * width * inputChannels * outputChannels);
        }
        if (bias.length != outputChannels) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, expected " + outputChannels);
        }
    }

    public static int kernelIndex(int h, int w, int in, int out, int width, int inputs, int outputs) {
        return ((h * width + w) * inputs + in) * outputs + out;
    }

    public float kernelAt(int h, int w, int in, int out) {
        return kernel[kernelIndex(h, w, in, out, width, inputChannels, outputChannels)];
    }

    public String shapeText() {
        return height + "x" + width + "x" + inputChannels + "x" + outputChannels;
    }

    /** The same filters for input channels in reverse order: BGR-trained weights made to take RGB. */
    public ConvolutionWeights withInputChannelsReversed() {
        float[] out = new float[kernel.length];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                for (int i = 0; i < inputChannels; i++) {
                    for (int o = 0; o < outputChannels; o++) {
                        out[kernelIndex(h, w, inputChannels - 1 - i, o, width, inputChannels, outputChannels)] =
                                kernelAt(h, w, i, o);
                    }
                }
            }
        }
        return new ConvolutionWeights(height, width, inputChannels, outputChannels, out, bias);
    }
}
