package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole image as the one {@link ImagePart} of a {@link StyleTransferGraph}: its features and pixels as the graph
 * has them, inputs laid over it fed whole at every evaluation. Owns those inputs' tensors.
 */
final class WholeImage implements ImagePart, AutoCloseable {

    private final Ops tf;
    private final Operand<TFloat32> pixels;
    private final Map<String, Operand<TFloat32>> features;
    private final List<Laid> laid = new ArrayList<>();

    /** @param pixels the image [1, H, W, 3], of a known size; features at least at the layers the terms read */
    WholeImage(Ops tf, Operand<TFloat32> pixels, Map<String, Operand<TFloat32>> features) {
        this.tf = tf;
        this.pixels = pixels;
        this.features = features;
    }

    /** The image's size and its positions at each layer it has features at. */
    Extent extent() {
        Map<String, Extent.Size> sizes = new LinkedHashMap<>();
        features.forEach((layer, f) -> sizes.put(layer, new Extent.Size((int) f.shape().size(1),
                (int) f.shape().size(2))));
        return new Extent(width(), height(), sizes);
    }

    @Override
    public Operand<TFloat32> features(String layer) {
        return ImagePart.at(features, layer);
    }

    @Override
    public Operand<TFloat32> pixels() {
        return pixels;
    }

    /** The whole image has no next row or column. */
    @Override
    public Operand<TFloat32> pixelsWithNext() {
        return pixels;
    }

    /** The whole image has nothing around it. */
    @Override
    public Surrounded featuresAround(String layer) {
        return new Surrounded(features(layer), tf.constant(new int[] {0, 0}));
    }

    @Override
    public Operand<TInt32> cellsAt(int stride) {
        return tf.constant(new int[] {cells(height(), stride), cells(width(), stride)});
    }

    @Override
    public LaidInput laidAtStride(int stride, int channels) {
        return add(Shape.of(1, cells(height(), stride), cells(width(), stride), channels));
    }

    private int width() {
        return (int) pixels.shape().size(2);
    }

    private int height() {
        return (int) pixels.shape().size(1);
    }

    private static int cells(int side, int stride) {
        return (side + stride - 1) / stride;
    }

    @Override
    public LaidInput laidAt(String layer, int channels) {
        Shape shape = features(layer).shape();
        return add(Shape.of(1, shape.size(1), shape.size(2), channels));
    }

    @Override
    public LaidInput laidOverPixels(int channels) {
        return add(Shape.of(1, pixels.shape().size(1), pixels.shape().size(2), channels));
    }

    private LaidInput add(Shape shape) {
        Laid input = new Laid(tf.placeholder(TFloat32.class, Placeholder.shape(shape)), shape);
        laid.add(input);
        return input;
    }

    /** Feeds every laid input that is set. */
    void feed(Session.Runner runner) {
        laid.stream().filter(Laid::isSet).forEach(l -> runner.feed(l.placeholder, l.value));
    }

    @Override
    public void close() {
        laid.forEach(Laid::clear);
    }

    /** One input laid over the whole image, fed as it is. */
    private static final class Laid implements LaidInput {
        final Placeholder<TFloat32> placeholder;
        final Shape shape;
        TFloat32 value;

        Laid(Placeholder<TFloat32> placeholder, Shape shape) {
            this.placeholder = placeholder;
            this.shape = shape;
        }

        @Override
        public Operand<TFloat32> operand() {
            return placeholder;
        }

        @Override
        public void set(TFloat32 whole) {
            if (!fits(whole.shape())) {
                Shape given = whole.shape();
                whole.close();
                throw new IllegalArgumentException("an input of shape " + given + " where " + shape + " is laid");
            }
            clear();
            value = whole;
        }

        /** Values in row-major order: only where the graph knows the whole shape. */
        @Override
        public void set(float[] whole) {
            if (shape.hasUnknownDimension() || whole.length != shape.size()) {
                throw new IllegalArgumentException(whole.length + " values where " + shape + " is laid");
            }
            set(Tensors.of(whole, shape.asArray()));
        }

        private boolean fits(Shape given) {
            if (given.numDimensions() != shape.numDimensions()) {
                return false;
            }
            for (int d = 0; d < shape.numDimensions(); d++) {
                if (shape.size(d) >= 0 && shape.size(d) != given.size(d)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean isSet() {
            return value != null;
        }

        void clear() {
            if (value != null) {
                value.close();
                value = null;
            }
        }
    }
}
