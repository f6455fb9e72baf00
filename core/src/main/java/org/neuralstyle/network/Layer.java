package org.neuralstyle.network;

/** One step of a feed-forward feature network, named as in the original model (conv1_1, relu1_1, pool1...). */
public sealed interface Layer {

    String name();

    /** A 3x3 (or given size) convolution, stride 1, SAME padding, plus bias. */
    record Convolution(String name, int kernelSize, int inputChannels, int outputChannels) implements Layer {
    }

    record Relu(String name) implements Layer {
    }

    /** 2x2 pooling with stride 2; max or average is chosen per run (see {@link Pooling}). */
    record Pool(String name) implements Layer {
    }
}
