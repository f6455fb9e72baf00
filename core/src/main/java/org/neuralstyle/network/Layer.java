package org.neuralstyle.network;

import java.util.List;

/** One step of a feed-forward feature network, named as in the original model (conv1_1, relu1_1, pool1, fire2...). */
public sealed interface Layer {

    String name();

    /** Output height or width for an input of n pixels along that axis (ReLU and fire modules keep it). */
    default int outputSize(int n) {
        return n;
    }

    /** How a window treats the image border: SAME pads with zeros to keep the size, VALID does not pad. */
    enum Padding {
        SAME, VALID;

        /** TensorFlow's output size: SAME = ceil(n / stride), VALID = ceil((n - window + 1) / stride), at least 0. */
        public int outputSize(int n, int window, int stride) {
            int span = this == SAME ? n : n - window + 1;
            return Math.max(0, (span + stride - 1) / stride);
        }
    }

    /** A square convolution plus bias. */
    record Convolution(String name, int kernelSize, int stride, Padding padding, int inputChannels, int outputChannels)
            implements Layer {

        /** Stride 1, SAME padding: every VGG convolution. */
        public Convolution(String name, int kernelSize, int inputChannels, int outputChannels) {
            this(name, kernelSize, 1, Padding.SAME, inputChannels, outputChannels);
        }

        /** Output height or width for an input of n pixels along that axis. */
        public int outputSize(int n) {
            return padding.outputSize(n, kernelSize, stride);
        }
    }

    record Relu(String name) implements Layer {
    }

    /** Pooling over a square window; max or average is chosen per run (see {@link Pooling}). */
    record Pool(String name, int window, int stride, Padding padding) implements Layer {

        /** 2x2, stride 2, SAME: VGG's pooling. */
        public Pool(String name) {
            this(name, 2, 2, Padding.SAME);
        }

        /** Output height or width for an input of n pixels along that axis. */
        public int outputSize(int n) {
            return padding.outputSize(n, window, stride);
        }
    }

    /**
     * SqueezeNet's fire module (Iandola et al. 2016): a 1x1 squeeze convolution and ReLU, then 1x1 and 3x3
     * expand convolutions, each with ReLU, concatenated on channels.
     */
    record Fire(String name, Convolution squeeze, Convolution expand1x1, Convolution expand3x3) implements Layer {

        public int outputChannels() {
            return expand1x1.outputChannels() + expand3x3.outputChannels();
        }

        public List<Convolution> convolutions() {
            return List.of(squeeze, expand1x1, expand3x3);
        }
    }
}
