package org.neuralstyle.network;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a feature network into a TensorFlow graph (NHWC). The weights become graph constants, created
 * once and shared by every input the network is applied to, so the image is the only thing optimised.
 */
public final class FeatureNetwork {

    private final Ops tf;
    private final NetworkWeights weights;
    private final Pooling pooling;
    /** One convolution's weights as graph constants, made once however often the network is applied. */
    private record Constants(Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    }

    private final Map<String, Constants> constants = new HashMap<>();
    private final Operand<TFloat32> mean;
    private final Operand<TFloat32> scale;
    private final Operand<TFloat32> featureScale;

    public FeatureNetwork(Ops tf, NetworkWeights weights, Pooling pooling) {
        this.tf = tf;
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
        Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
        Operand<TFloat32> x = tf.math.mul(tf.math.sub(rgbImage, mean), scale);
        List<Layer> layers = arch.layers().subList(0, last + 1);
        for (Layer layer : layers) {
            if (layer instanceof Layer.Convolution c) {
                x = convolution(x, c);
            } else if (layer instanceof Layer.Relu) {
                x = tf.nn.relu(x);
            } else if (layer instanceof Layer.Fire f) {
                x = fire(x, f);
            } else {
                x = pool(x, (Layer.Pool) layer);
            }
            if (requestedLayers.contains(layer.name())) {
                outputs.put(layer.name(), featureScale == null ? x : tf.math.mul(x, featureScale));
            }
        }
        return outputs;
    }

    private Operand<TFloat32> convolution(Operand<TFloat32> x, Layer.Convolution layer) {
        Constants c = constants.computeIfAbsent(layer.name(), name -> {
            ConvolutionWeights w = weights.convolution(name);
            return new Constants(tf.constant(Shape.of(w.height(), w.width(), w.inputChannels(), w.outputChannels()),
                    DataBuffers.of(w.kernel(), true, false)), tf.constant(w.bias()));
        });
        long s = layer.stride();
        Operand<TFloat32> conv = tf.nn.conv2d(x, c.kernel(), List.of(1L, s, s, 1L), layer.padding().name());
        return tf.nn.biasAdd(conv, c.bias());
    }

    private Operand<TFloat32> fire(Operand<TFloat32> x, Layer.Fire fire) {
        Operand<TFloat32> squeezed = tf.nn.relu(convolution(x, fire.squeeze()));
        Operand<TFloat32> e1 = tf.nn.relu(convolution(squeezed, fire.expand1x1()));
        Operand<TFloat32> e3 = tf.nn.relu(convolution(squeezed, fire.expand3x3()));
        return tf.concat(List.of(e1, e3), tf.constant(3));
    }

    private Operand<TFloat32> pool(Operand<TFloat32> x, Layer.Pool layer) {
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
