package org.neuralstyle.network;

import org.neuralstyle.engine.Precision;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a feature network into a TensorFlow graph (NHWC). The weights become graph constants, created
 * once and shared by every input the network is applied to, so the image is the only thing optimised. In
 * {@link Precision#BF16} the normalised image is cast to bfloat16 on the way in and each requested layer's output
 * back to fp32 on the way out, so everything the loss does with the features (Gram matrices, sums) stays fp32:
 * REFERENCE 5 measured the iteration-0 loss 4% off when the Gram products ran in bf16 too.
 */
public final class FeatureNetwork {

    private final Ops tf;
    private final NetworkWeights weights;
    private final Pooling pooling;
    private final Precision precision;
    /** One convolution's weights as graph constants in the compute type, made once however often applied. */
    private record Constants(Operand<? extends TNumber> kernel, Operand<? extends TNumber> bias) {
    }

    private final Map<String, Constants> constants = new HashMap<>();
    private final Operand<TFloat32> mean;
    private final Operand<TFloat32> scale;
    private final Operand<TFloat32> featureScale;

    /** The network in fp32. */
    public FeatureNetwork(Ops tf, NetworkWeights weights, Pooling pooling) {
        this(tf, weights, pooling, Precision.FP32);
    }

    public FeatureNetwork(Ops tf, NetworkWeights weights, Pooling pooling, Precision precision) {
        this.tf = tf;
        this.precision = precision;
        this.weights = weights;
        this.pooling = pooling;
        InputNormalization norm = weights.normalization();
        this.mean = tf.constant(Shape.of(1, 1, 1, 3), DataBuffers.of(norm.meanRgb(), true, false));
        this.scale = tf.constant(Shape.of(1, 1, 1, 3), DataBuffers.of(norm.scaleRgb(), true, false));
        double factor = norm.featureScale();
        this.featureScale = Math.abs(factor - 1) < 1e-9 ? null : tf.constant((float) factor);
    }

    public NetworkArchitecture architecture() {
        return weights.architecture();
    }

    /**
     * The image mirrored past its bottom and right edges by the band the network would never see
     * ({@link NetworkArchitecture#unseenEdge()}), so the last rows and columns fall inside the unpadded strided
     * windows and get style like the rest instead of staying a smooth, unstylized strip. As is for VGG.
     */
    public Operand<TFloat32> seenWhole(Operand<TFloat32> rgbImage) {
        int edge = weights.architecture().unseenEdge();
        if (edge == 0) {
            return rgbImage;
        }
        return tf.mirrorPad(rgbImage, tf.constant(new int[][] {{0, 0}, {0, edge}, {0, edge}, {0, 0}}), "REFLECT");
    }

    /**
     * Applies the network to an RGB image batch [1, H, W, 3] on the 0..255 scale and returns the outputs
     * of the requested layers. Layers after the deepest requested one are not built. The outputs are on one
     * scale for every weights file: a network normalising its input to the 0..1 mean/std scale has its outputs
     * multiplied by {@link InputNormalization#featureScale()}, so loss weights mean the same for all files.
     */
    public Map<String, Operand<TFloat32>> apply(Operand<TFloat32> rgbImage, Collection<String> requestedLayers) {
        NetworkArchitecture arch = weights.architecture();
        int last = requestedLayers.stream().mapToInt(arch::indexOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no layers requested"));
        Operand<TFloat32> normalized = tf.math.mul(tf.math.sub(rgbImage, mean), scale);
        List<Layer> layers = arch.layers().subList(0, last + 1);
        return precision == Precision.BF16
                ? layers(tf.dtypes.cast(normalized, TBfloat16.class), TBfloat16.class, layers, requestedLayers)
                : layers(normalized, TFloat32.class, layers, requestedLayers);
    }

    private <T extends TNumber> Map<String, Operand<TFloat32>> layers(Operand<T> input, Class<T> type,
                                                                      List<Layer> layers, Collection<String> requested) {
        Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
        Operand<T> x = input;
        for (Layer layer : layers) {
            if (layer instanceof Layer.Convolution c) {
                x = convolution(x, c, type);
            } else if (layer instanceof Layer.Relu) {
                x = tf.nn.relu(x);
            } else if (layer instanceof Layer.Fire f) {
                x = fire(x, f, type);
            } else {
                x = pool(x, (Layer.Pool) layer);
            }
            if (requested.contains(layer.name())) {
                Operand<TFloat32> out = asFloat32(x, type);
                outputs.put(layer.name(), featureScale == null ? out : tf.math.mul(out, featureScale));
            }
        }
        return outputs;
    }

    @SuppressWarnings("unchecked")
    private <T extends TNumber> Operand<TFloat32> asFloat32(Operand<T> x, Class<T> type) {
        return type == TFloat32.class ? (Operand<TFloat32>) x : tf.dtypes.cast(x, TFloat32.class);
    }

    @SuppressWarnings("unchecked")
    private <T extends TNumber> Operand<T> convolution(Operand<T> x, Layer.Convolution layer, Class<T> type) {
        Constants c = constants.computeIfAbsent(layer.name(), name -> {
            ConvolutionWeights w = weights.convolution(name);
            Operand<TFloat32> kernel = tf.constant(Shape.of(w.height(), w.width(), w.inputChannels(),
                    w.outputChannels()), DataBuffers.of(w.kernel(), true, false));
            Operand<TFloat32> bias = tf.constant(w.bias());
            return type == TFloat32.class ? new Constants(kernel, bias)
                    : new Constants(tf.dtypes.cast(kernel, type), tf.dtypes.cast(bias, type));
        });
        long s = layer.stride();
        Operand<T> conv = tf.nn.conv2d(x, (Operand<T>) c.kernel(), List.of(1L, s, s, 1L), layer.padding().name());
        return tf.nn.biasAdd(conv, (Operand<T>) c.bias());
    }

    private <T extends TNumber> Operand<T> fire(Operand<T> x, Layer.Fire fire, Class<T> type) {
        Operand<T> squeezed = tf.nn.relu(convolution(x, fire.squeeze(), type));
        Operand<T> e1 = tf.nn.relu(convolution(squeezed, fire.expand1x1(), type));
        Operand<T> e3 = tf.nn.relu(convolution(squeezed, fire.expand3x3(), type));
        return tf.concat(List.of(e1, e3), tf.constant(3));
    }

    private <T extends TNumber> Operand<T> pool(Operand<T> x, Layer.Pool layer) {
        long w = layer.window();
        long s = layer.stride();
        String padding = layer.padding().name();
        if (pooling == Pooling.AVG) {
            return tf.nn.avgPool(x, List.of(1L, w, w, 1L), List.of(1L, s, s, 1L), padding);
        }
        Operand<TInt32> window = tf.constant(new int[] {1, (int) w, (int) w, 1});
        Operand<TInt32> strides = tf.constant(new int[] {1, (int) s, (int) s, 1});
        return tf.nn.maxPool(x, window, strides, padding);
    }
}
