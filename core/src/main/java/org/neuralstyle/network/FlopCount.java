package org.neuralstyle.network;

import java.util.Collection;

/**
 * Floating-point operations of a network's convolutions, counted analytically as a direct convolution does
 * them (one multiply and one add per kernel tap): 2 * H_out * W_out * k^2 * C_in * C_out per layer. Pooling,
 * ReLU and bias are left out; they are a fraction of a percent in VGG. Fast algorithms (Winograd, FFT) do
 * fewer multiplies, so a measured rate above the machine's multiply-add peak is possible.
 */
public final class FlopCount {

    private FlopCount() {
    }

    /** The forward pass of an image of this size through the deepest of the layers (later ones are not built). */
    public static long forward(NetworkArchitecture architecture, Collection<String> layers, int width, int height) {
        int last = layers.stream().mapToInt(architecture::indexOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no layers"));
        long flops = 0;
        int h = height;
        int w = width;
        for (Layer layer : architecture.layers().subList(0, last + 1)) {
            if (layer instanceof Layer.Convolution c) {
                flops += convolution(c, h, w);
            } else if (layer instanceof Layer.Fire f) {
                flops += convolution(f.squeeze(), h, w) + convolution(f.expand1x1(), h, w)
                        + convolution(f.expand3x3(), h, w);
            }
            h = layer.outputSize(h);
            w = layer.outputSize(w);
        }
        return flops;
    }

    /**
     * One optimisation iteration: the forward pass and the gradient with respect to the input, which costs
     * the same again (a transposed convolution per layer; the weights are constants, so no weight gradients).
     */
    public static long iteration(NetworkArchitecture architecture, Collection<String> layers, int width, int height) {
        int edge = architecture.unseenEdge(); // the mirrored band the style-transfer graph adds
        return 2 * forward(architecture, layers, width + edge, height + edge);
    }

    private static long convolution(Layer.Convolution c, int h, int w) {
        long outH = c.outputSize(h);
        long outW = c.outputSize(w);
        return 2L * outH * outW * c.kernelSize() * c.kernelSize() * c.inputChannels() * c.outputChannels();
    }
}
