package org.neuralstyle.memory;

import org.neuralstyle.network.ActivationCount;
import org.neuralstyle.network.NetworkArchitecture;

import java.util.Collection;

/**
 * Peak resident memory of a style transfer, estimated before it starts: a fixed part (the JVM, TensorFlow's
 * runtime, the weights) and a part per value the graph holds, counted by {@link ActivationCount} for the largest
 * image the network sees at once. An optimisation iteration holds the forward activations of the image and their
 * gradients; taking a style image's targets holds its forward activations only. TensorFlow's allocator keeps
 * what it once took, so the peak is the larger of the two, and coarse to fine peaks at its last scale.
 *
 * <p>Fitted (least squares on relative error) to the peak RSS that {@code neural-style bench} measured on the 2-core
 * dev machine, 2026-11-25, each case in a fresh JVM, random weights, the style image as large as the image:
 * VGG-19 at 256, 1024, 1536 and 2048 px: 1.61, 4.56, 8.26, 13.63 GiB (model 1.58, 4.62, 8.68, 14.36); SqueezeNet
 * 1.1 at 256, 1024, 1536 px: 0.40, 1.14, 1.95 GiB (model 0.42, 1.02, 1.82). Every point within 11%.
 */
public final class MemoryModel {

    /** The JVM with its heap in use and TensorFlow's runtime, without weights or images. */
    static final double BASE_BYTES = 0.33e9;
    /**
     * Bytes per weight value: the weights as read (Java), as graph constants (the serialised graph and the
     * session's copy) and as oneDNN's reordered convolution weights: 57 fitted, 14 float copies.
     */
    static final double BYTES_PER_WEIGHT = 57;
    /**
     * Bytes per forward activation in an iteration: 5.4 fitted. Less than a value and its gradient (8 bytes)
     * because TensorFlow frees what the gradient does not need and oneDNN fuses ReLUs into convolutions.
     */
    static final double BYTES_PER_ACTIVATION = 5.4;

    /** Java arrays of the whole image a tiled run holds, per pixel: image, gradient, best, Adam's two moments,
     * content and output copies (7 x 3 floats). */
    static final double TILED_BYTES_PER_PIXEL = 7 * 3 * 4;

    private MemoryModel() {
    }

    /**
     * Peak bytes for a tiled optimisation of a width x height image: the graph of one tile (its core plus the halo on
     * each side), the whole image's arrays in Java, and the content layers' features of the whole image.
     */
    public static long tiledPeakBytes(NetworkArchitecture architecture, Collection<String> contentLayers,
                                      Collection<String> layers, long width, long height, int core, int halo) {
        long tile = core + 2L * halo;
        return peakBytes(architecture, layers, Math.min(tile, width), Math.min(tile, height), 0, 0)
                + tiledHeapBytes(architecture, contentLayers, width, height);
    }

    /** Bytes of the Java heap a tiled run needs for the whole image (arrays and content features). */
    public static long tiledHeapBytes(NetworkArchitecture architecture, Collection<String> contentLayers,
                                      long width, long height) {
        double contentValues = 0;
        for (String layer : contentLayers) {
            contentValues += (double) architecture.outputChannels(layer) * ActivationCount.spatialSize(architecture,
                    layer, width, height);
        }
        return (long) (TILED_BYTES_PER_PIXEL * width * height + 4 * contentValues);
    }

    /**
     * Neural neighbours' arrays per hypercolumn value of the picture (a quarter of its size each way, depth D):
     * the painting's at the same size turned four ways, as they come out of the network and then as search keys
     * (written into the keys piece by piece, no second copy), and the picture's targets, search image and
     * hypercolumns with their gradients. Measured above Gram's peak, the built-in SqueezeNet (D = 1600), 2-core
     * Xeon, 2026-12-03: Grace Hopper and The Scream at 512 x 600, 1.55 GB with the search in bf16 (50 bytes a
     * value), 1.74 GB in fp32 (57); the cat and Starry Night at 512 x 341, 0.65 GB in bf16 (37). 90 bytes before
     * the keys were written straight in (the painting's features were copied twice on the way).
     */
    static final double NEIGHBOUR_BYTES_PER_VALUE = 60;

    /**
     * Neural neighbours' arrays per hypercolumn value of the picture in a tiled run: the same arrays held whole
     * (the painting's turns and keys, the search image's hypercolumns, the targets), all but the network's, which
     * runs tile by tile. Measured above the tiled graph's own peak with random VGG-19 weights (D = 2688), fp32,
     * painting as large as the picture, 2-core Xeon, 2026-12-03: 512 px in 128 px cores 3.21 GB, 768 px in 256 px
     * cores 6.11 GB, 53 bytes a value between them (a whole 512 px run: 4.06 GB). Most of it is Java arrays.
     */
    static final double NEIGHBOUR_TILED_BYTES_PER_VALUE = 55;

    /** The bytes neural neighbours add to a tiled optimisation of width x height, hypercolumns of the given depth. */
    public static long neighbourTiledBytes(int depth, long width, long height) {
        return (long) (NEIGHBOUR_TILED_BYTES_PER_VALUE * depth * Math.max(1, (width + 3) / 4)
                * Math.max(1, (height + 3) / 4));
    }

    /** The bytes neural neighbours add to an optimisation of width x height with hypercolumns of the given depth. */
    public static long neighbourBytes(int depth, long width, long height) {
        return (long) (NEIGHBOUR_BYTES_PER_VALUE * depth * Math.max(1, width / 4) * Math.max(1, height / 4));
    }

    /**
     * Peak bytes for an optimisation of an image of width x height through the given layers, with style images
     * of up to styleWidth x styleHeight, given the network's weight count.
     */
    public static long peakBytes(NetworkArchitecture architecture, Collection<String> layers, long width, long height,
                                 long styleWidth, long styleHeight) {
        int edge = architecture.unseenEdge();
        double image = ActivationCount.forward(architecture, layers, width + edge, height + edge);
        double style = ActivationCount.forward(architecture, layers, styleWidth + edge, styleHeight + edge) / 2.0;
        double weights = architecture.convolutions().stream()
                .mapToDouble(c -> (double) c.kernelSize() * c.kernelSize() * c.inputChannels() * c.outputChannels()
                        + c.outputChannels()).sum();
        return (long) (BASE_BYTES + BYTES_PER_WEIGHT * weights + BYTES_PER_ACTIVATION * Math.max(image, style));
    }
}
