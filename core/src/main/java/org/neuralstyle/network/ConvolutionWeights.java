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

    /** From a kernel in OIHW order (ONNX, Caffe, PyTorch: output, input, height, width). */
    public static ConvolutionWeights fromOihw(float[] oihw, int outputs, int inputs, int height, int width, float[] bias) {
        float[] hwio = new float[oihw.length];
        int n = 0;
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        hwio[kernelIndex(y, x, i, o, width, inputs, outputs)] = oihw[n++];
                    }
                }
            }
        }
        return new ConvolutionWeights(height, width, inputs, outputs, hwio, bias);
    }

    /** The kernel in OIHW order. */
    public float[] toOihw() {
        float[] oihw = new float[kernel.length];
        int n = 0;
        for (int o = 0; o < outputChannels; o++) {
            for (int i = 0; i < inputChannels; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        oihw[n++] = kernelAt(y, x, i, o);
                    }
                }
            }
        }
        return oihw;
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
