package org.neuralstyle.network;

import java.util.Collection;

/**
 * The values a network's forward pass holds for an image of one size, counted layer by layer as TensorFlow
 * allocates them: every convolution, ReLU and pooling output (a fire module: its squeeze, both expands, their
 * ReLUs and the concatenation) up to the deepest layer used. The gradient pass allocates about as much again;
 * the memory model ({@code org.neuralstyle.memory}) turns the count into bytes.
 */
public final class ActivationCount {

    private ActivationCount() {
    }

    public static long forward(NetworkArchitecture architecture, Collection<String> layers, long width, long height) {
        int last = layers.stream().mapToInt(architecture::indexOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no layers"));
        long values = 3 * width * height; // the input
        long h = height;
        long w = width;
        long channels = 3;
        for (Layer layer : architecture.layers().subList(0, last + 1)) {
            long outH = outputSize(layer, h);
            long outW = outputSize(layer, w);
            if (layer instanceof Layer.Convolution c) {
                channels = c.outputChannels();
                values += channels * outH * outW;
            } else if (layer instanceof Layer.Fire f) {
                long squeeze = f.squeeze().outputChannels();
                channels = f.outputChannels();
                // squeeze and its ReLU, each expand and its ReLU, the concatenation
                values += 2 * squeeze * outH * outW + 2 * channels * outH * outW + channels * outH * outW;
            } else {
                values += channels * outH * outW; // ReLU or pooling
            }
            h = outH;
            w = outW;
        }
        return values;
    }

    /** H_l x W_l: the positions of a layer's output for an image of this size. */
    public static long spatialSize(NetworkArchitecture architecture, String layerName, long width, long height) {
        long h = height;
        long w = width;
        for (Layer layer : architecture.layers().subList(0, architecture.indexOf(layerName) + 1)) {
            h = outputSize(layer, h);
            w = outputSize(layer, w);
        }
        return h * w;
    }

    private static long outputSize(Layer layer, long n) {
        return layer.outputSize((int) Math.min(Integer.MAX_VALUE, n));
    }
}
