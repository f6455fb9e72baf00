package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
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
 * One tile's core as the {@link ImagePart} of a {@link TiledStyleTransferGraph}: the network runs on the tile (core
 * plus halo) and the terms see the core's features only; the core's pixels, with the next row and column, are an
 * input of their own (so that a tile without a halo still has its neighbours' pixels); inputs laid over the image are
 * held whole and each tile is fed its core's piece.
 */
final class TileImage implements ImagePart {

    private final Ops tf;
    private final int width;
    private final int height;
    /** The tile the network sees, [1, h, w, 3]. */
    private final Placeholder<TFloat32> tile;
    private final Map<String, Integer> strides;
    /** Per layer: where the core lies in the tile's feature map (begin, NHWC; rows and columns), its features there. */
    private final Map<String, Placeholder<TInt32>> coreBegin = new LinkedHashMap<>();
    private final Map<String, Placeholder<TInt32>> coreSize = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> coreFeatures = new LinkedHashMap<>();
    /** Per layer: the tile's whole feature map, and where the core with a cell around it lies, where asked for. */
    private final Map<String, Operand<TFloat32>> tileFeatures = new LinkedHashMap<>();
    private final Map<String, Around> around = new LinkedHashMap<>();
    /** Per stride asked for: the core's cells. */
    private final Map<Integer, Placeholder<TInt32>> cells = new LinkedHashMap<>();
    /** The core's pixels with the next row and column where the image goes on, and the core's size in them. */
    private final Placeholder<TFloat32> pixelsWithNext;
    private final Placeholder<TInt32> pixelsSize;
    private final Operand<TFloat32> pixels;
    private final List<Cut> laid = new ArrayList<>();

    /**
     * @param features the network's features of {@code tile} at every layer the loss reads
     * @param strides  each of those layers' stride
     */
    TileImage(Ops tf, int width, int height, Placeholder<TFloat32> tile, Map<String, Operand<TFloat32>> features,
              Map<String, Integer> strides) {
        this.tf = tf;
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.strides = Map.copyOf(strides);
        for (Map.Entry<String, Operand<TFloat32>> e : features.entrySet()) {
            Placeholder<TInt32> begin = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
            Placeholder<TInt32> rowsAndColumns = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(2)));
            coreBegin.put(e.getKey(), begin);
            coreSize.put(e.getKey(), rowsAndColumns);
            // the channels as a constant in the slice's size, so that the graph knows them (terms read the shape)
            int channels = (int) e.getValue().shape().size(3);
            Operand<TInt32> size = tf.concat(List.of(tf.constant(new int[] {1}), rowsAndColumns,
                    tf.constant(new int[] {channels})), tf.constant(0));
            coreFeatures.put(e.getKey(), tf.slice(e.getValue(), begin, size));
            tileFeatures.put(e.getKey(), e.getValue());
        }
        pixelsWithNext = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE,
                Shape.UNKNOWN_SIZE, 3)));
        pixelsSize = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
        pixels = tf.slice(pixelsWithNext, tf.constant(new int[] {0, 0, 0, 0}), pixelsSize);
    }

    Placeholder<TFloat32> tile() {
        return tile;
    }

    Placeholder<TFloat32> pixelsWithNextInput() {
        return pixelsWithNext;
    }

    @Override
    public Operand<TFloat32> features(String layer) {
        return ImagePart.at(coreFeatures, layer);
    }

    @Override
    public Operand<TFloat32> pixels() {
        return pixels;
    }

    @Override
    public Operand<TFloat32> pixelsWithNext() {
        return pixelsWithNext;
    }

    @Override
    public Surrounded featuresAround(String layer) {
        return around.computeIfAbsent(layer, l -> {
            Operand<TFloat32> f = ImagePart.at(tileFeatures, l);
            Placeholder<TInt32> begin = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(4)));
            Placeholder<TInt32> rowsAndColumns = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(2)));
            Placeholder<TInt32> before = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(2)));
            Operand<TInt32> size = tf.concat(List.of(tf.constant(new int[] {1}), rowsAndColumns,
                    tf.constant(new int[] {(int) f.shape().size(3)})), tf.constant(0));
            return new Around(begin, rowsAndColumns, before, new Surrounded(tf.slice(f, begin, size), before));
        }).surrounded();
    }

    @Override
    public Operand<TInt32> cellsAt(int stride) {
        return cells.computeIfAbsent(stride, s -> tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(2))));
    }

    @Override
    public LaidInput laidAt(String layer, int channels) {
        return add(strides.get(layer), channels);
    }

    @Override
    public LaidInput laidAtStride(int stride, int channels) {
        return add(stride, channels);
    }

    @Override
    public LaidInput laidOverPixels(int channels) {
        return add(1, channels);
    }

    private LaidInput add(int stride, int channels) {
        Cut input = new Cut(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE,
                Shape.UNKNOWN_SIZE, channels))), stride, channels);
        laid.add(input);
        return input;
    }

    /**
     * Feeds the network one tile of an image (of any size) and the core's place at the given layers; the tensors
     * go to {@code fed}, which the caller closes after the run.
     */
    void feedTile(Session.Runner runner, float[] image, int imageWidth, TileGrid.Tile t, Iterable<String> layers,
                  List<Tensor> fed) {
        float[] crop = new float[t.height() * t.width() * 3];
        for (int y = 0; y < t.height(); y++) {
            System.arraycopy(image, ((t.top() + y) * imageWidth + t.left()) * 3, crop, y * t.width() * 3, t.width() * 3);
        }
        runner.feed(tile, keep(fed, Tensors.of(crop, 1, t.height(), t.width(), 3)));
        for (String layer : layers) {
            int s = strides.get(layer);
            runner.feed(coreBegin.get(layer), keep(fed, TInt32.vectorOf(0, (t.coreTop() - t.top()) / s,
                    (t.coreLeft() - t.left()) / s, 0)));
            runner.feed(coreSize.get(layer), keep(fed, TInt32.vectorOf(coreRows(t, s), coreColumns(t, s))));
        }
        around.forEach((layer, a) -> a.feed(runner, t, strides.get(layer), fed));
        cells.forEach((stride, input) -> runner.feed(input, keep(fed, TInt32.vectorOf(coreRows(t, stride),
                coreColumns(t, stride)))));
    }

    /** Feeds the core's own inputs of this graph's image: its pixels with the next row and column, its laid pieces. */
    void feedCore(Session.Runner runner, float[] image, TileGrid.Tile t, List<Tensor> fed) {
        int rows = withNextRows(t);
        int columns = withNextColumns(t);
        float[] crop = new float[rows * columns * 3];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(image, ((t.coreTop() + y) * width + t.coreLeft()) * 3, crop, y * columns * 3, columns * 3);
        }
        runner.feed(pixelsWithNext, keep(fed, Tensors.of(crop, 1, rows, columns, 3)));
        runner.feed(pixelsSize, keep(fed, TInt32.vectorOf(1, t.coreBottom() - t.coreTop(), t.coreRight() - t.coreLeft(),
                3)));
        for (Cut input : laid) {
            runner.feed(input.placeholder, keep(fed, input.piece(t)));
        }
    }

    /** Adds a gradient by the core's pixels with the next row and column into the whole image's. */
    void addPixelsGradient(float[] gradient, TileGrid.Tile t, float[] out) {
        int columns = withNextColumns(t);
        for (int y = 0; y < withNextRows(t); y++) {
            int row = ((t.coreTop() + y) * width + t.coreLeft()) * 3;
            for (int i = 0; i < columns * 3; i++) {
                out[row + i] += gradient[y * columns * 3 + i];
            }
        }
    }

    /** Adds a gradient by the tile (core and halo) into the whole image's. */
    void addTileGradient(float[] gradient, TileGrid.Tile t, float[] out) {
        int tw = t.width();
        for (int y = 0; y < t.height(); y++) {
            int row = ((t.top() + y) * width + t.left()) * 3;
            for (int i = 0; i < tw * 3; i++) {
                out[row + i] += gradient[y * tw * 3 + i];
            }
        }
    }

    /** The core's features at a layer, read out, pasted into the whole layer's values (H_l x W_l x C). */
    void paste(float[] core, String layer, int channels, TileGrid.Tile t, float[] whole) {
        paste(core, strides.get(layer), channels, t, width, whole);
    }

    /**
     * The core's values on a grid of this stride, read out, pasted into the whole grid's (C values a cell) of an
     * image of the given width.
     */
    static void paste(float[] core, int s, int channels, TileGrid.Tile t, int imageWidth, float[] whole) {
        int rows = coreRows(t, s);
        int columns = coreColumns(t, s);
        int wholeWidth = ceilDiv(imageWidth, s);
        for (int y = 0; y < rows; y++) {
            System.arraycopy(core, y * columns * channels, whole,
                    ((t.coreTop() / s + y) * wholeWidth + t.coreLeft() / s) * channels, columns * channels);
        }
    }

    private int withNextRows(TileGrid.Tile t) {
        return Math.min(height, t.coreBottom() + 1) - t.coreTop();
    }

    private int withNextColumns(TileGrid.Tile t) {
        return Math.min(width, t.coreRight() + 1) - t.coreLeft();
    }

    /**
     * The core's rows at a layer of this stride. Inner grid lines are multiples of every stride; a core ending at
     * the image's edge ends at the layer's last row, which SAME padding rounds up.
     */
    static int coreRows(TileGrid.Tile t, int s) {
        return ceilDiv(t.coreBottom(), s) - t.coreTop() / s;
    }

    static int coreColumns(TileGrid.Tile t, int s) {
        return ceilDiv(t.coreRight(), s) - t.coreLeft() / s;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static <T extends Tensor> T keep(List<Tensor> fed, T tensor) {
        fed.add(tensor);
        return tensor;
    }

    /**
     * Where a core with the layer's cell next to it on each side lies in the tile's feature map, where the tile has
     * such cells: begin (NHWC), rows and columns, and how many come before the core's own.
     */
    private record Around(Placeholder<TInt32> begin, Placeholder<TInt32> size, Placeholder<TInt32> before,
                          Surrounded surrounded) {

        void feed(Session.Runner runner, TileGrid.Tile t, int s, List<Tensor> fed) {
            int top = (t.coreTop() - t.top()) / s;
            int left = (t.coreLeft() - t.left()) / s;
            int above = Math.min(1, top);
            int toTheLeft = Math.min(1, left);
            int below = Math.min(1, ceilDiv(t.height(), s) - top - coreRows(t, s));
            int toTheRight = Math.min(1, ceilDiv(t.width(), s) - left - coreColumns(t, s));
            runner.feed(begin, keep(fed, TInt32.vectorOf(0, top - above, left - toTheLeft, 0)));
            runner.feed(size, keep(fed, TInt32.vectorOf(above + coreRows(t, s) + below,
                    toTheLeft + coreColumns(t, s) + toTheRight)));
            runner.feed(before, keep(fed, TInt32.vectorOf(above, toTheLeft)));
        }
    }

    /** An input laid over the whole image, held as values, each tile fed its core's piece. */
    private final class Cut implements LaidInput {
        final Placeholder<TFloat32> placeholder;
        final int stride;
        final int channels;
        float[] whole;

        Cut(Placeholder<TFloat32> placeholder, int stride, int channels) {
            this.placeholder = placeholder;
            this.stride = stride;
            this.channels = channels;
        }

        @Override
        public Operand<TFloat32> operand() {
            return placeholder;
        }

        @Override
        public void set(TFloat32 values) {
            try (values) {
                set(Tensors.toArray(values));
            }
        }

        @Override
        public void set(float[] values) {
            long expected = (long) ceilDiv(height, stride) * ceilDiv(width, stride) * channels;
            if (values.length != expected) {
                throw new IllegalArgumentException(values.length + " values where " + expected + " are laid");
            }
            whole = values;
        }

        @Override
        public boolean isSet() {
            return whole != null;
        }

        TFloat32 piece(TileGrid.Tile t) {
            int rows = coreRows(t, stride);
            int columns = coreColumns(t, stride);
            int wholeWidth = ceilDiv(width, stride);
            float[] part = new float[rows * columns * channels];
            for (int y = 0; y < rows; y++) {
                System.arraycopy(whole, ((t.coreTop() / stride + y) * wholeWidth + t.coreLeft() / stride) * channels,
                        part, y * columns * channels, columns * channels);
            }
            return Tensors.of(part, 1, rows, columns, channels);
        }
    }
}
