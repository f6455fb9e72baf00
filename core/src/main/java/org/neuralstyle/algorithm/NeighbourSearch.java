package org.neuralstyle.algorithm;

import org.neuralstyle.engine.Precision;
import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * Exact nearest neighbours by cosine similarity between unit-length rows: one matrix product of a block of queries
 * with all the keys, then the largest entry of each row (the first on ties). Queries go in blocks so that the
 * similarity matrix of a block stays under {@link #BLOCK_BYTES} whatever the number of keys: a 1024 px picture
 * against a 1024 px painting (43 000 x 43 000 entries, 7 GB whole) runs in blocks of about 380 rows.
 */
final class NeighbourSearch {

    /** The similarity matrix of one block of queries at most. */
    static final long BLOCK_BYTES = 64L << 20;

    /** For each query its nearest key's index and their cosine similarity. */
    record Match(int[] index, float[] similarity) {
    }

    private final Placeholder<TFloat32> queries;
    /** The keys as the search holds them: fp32, or bf16 where the engine computes in it. */
    private final Placeholder<?> keys;
    private final Precision precision;
    private final Placeholder<TFloat32> keyScale;
    private final Operand<TFloat32> nearest;
    private final Operand<TFloat32> similarity;
    private final Operand<TFloat32> nearestQuery;
    private final int depth;

    /**
     * The search's operations, for rows of the given length. In bf16 the keys are held and multiplied in bf16
     * (oneDNN's bf16 matrix product sums in fp32: 2.6 times fp32's speed on this AMX machine for a 512 px search,
     * and half the keys' memory); the similarities are then good to about 3 digits, so of two keys within that of
     * each other either may be chosen. In fp32 the search is exact.
     */
    NeighbourSearch(Ops tf, int depth, Precision precision) {
        this.depth = depth;
        queries = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, depth)));
        keyScale = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE)));
        this.precision = precision;
        Operand<TFloat32> product;
        if (precision == Precision.BF16) {
            Placeholder<TBfloat16> held = tf.placeholder(TBfloat16.class,
                    Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, depth)));
            keys = held;
            product = tf.dtypes.cast(tf.linalg.matMul(tf.dtypes.cast(queries, TBfloat16.class), held,
                    MatMul.transposeB(true)), TFloat32.class);
        } else {
            Placeholder<TFloat32> held = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, depth)));
            keys = held;
            product = tf.linalg.matMul(queries, held, MatMul.transposeB(true));
        }
        // The distance 1 - s, each key's column divided by (alpha + its distance to the nearest query): the
        // nearest key by that normalised distance (all scales 1: by cosine alone).
        Operand<TFloat32> normalised = tf.math.mul(tf.math.sub(tf.constant(1f), product), keyScale);
        // Indices as floats: exact below 2^24 keys, far beyond what fits in memory here.
        nearest = tf.dtypes.cast(tf.math.argMin(normalised, tf.constant(1)), TFloat32.class);
        similarity = tf.max(product, tf.constant(1));
        nearestQuery = tf.max(product, tf.constant(0));
    }

    /**
     * Rows of unit length as the keys this search holds: a tensor the caller owns, whose rows read back as floats
     * ({@link FloatNdArray}). The rows come in pieces (row-major, depth values a row), written straight into the
     * tensor, rounded to bf16 here where the search is in bf16, and each piece let go of as soon as it is in (its
     * entry set to null): no second copy of the painting's features, in Java or in the engine, at any time.
     */
    Tensor keys(List<float[]> pieces) {
        long count = pieces.stream().mapToLong(p -> p.length / depth).sum();
        Shape shape = Shape.of(count, depth);
        Tensor held = precision == Precision.BF16 ? TBfloat16.tensorOf(shape) : TFloat32.tensorOf(shape);
        try {
            ByteDataBuffer bytes = held.asRawTensor().data();
            long at = 0;
            for (int k = 0; k < pieces.size(); k++) {
                float[] piece = pieces.get(k);
                pieces.set(k, null);
                if (precision == Precision.BF16) {
                    bytes.asShorts().offset(at).write(bf16(piece));
                } else {
                    bytes.asFloats().offset(at).write(piece);
                }
                at += piece.length;
            }
            return held;
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /** bfloat16 bit patterns of the values, rounded to the nearest (ties to even), as TensorFlow's cast rounds. */
    static short[] bf16(float[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            out[i] = Float.isNaN(values[i]) ? (short) 0x7FC0 : (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
        }
        return out;
    }

    /**
     * The nearest of the keys ([M, depth], unit rows) to each of the n queries (row-major n x depth, unit rows).
     * With completeness alpha > 0, by the distance normalised per key, d_ij / (alpha + min_i d_ij) (Granot et al.'s
     * GPNN, "Drop the GAN", CVPR 2022): a key that is far from every query counts nearer, so that the matches
     * spread over the painting instead of collapsing onto its few features most like the photo's.
     */
    Match nearest(Session session, float[] queryRows, Tensor keyRows, double completeness) {
        int n = queryRows.length / depth;
        int m = (int) keyRows.shape().size(0);
        float[] scale = new float[m];
        java.util.Arrays.fill(scale, 1f);
        if (completeness > 0) {
            float[] closest = new float[m];
            java.util.Arrays.fill(closest, -1f);
            forEachBlock(queryRows, m, (start, q) -> {
                try (TFloat32 ones = Tensors.of(scale, 1, m);
                     Result result = session.runner().feed(queries, q).feed(keys, keyRows).feed(keyScale, ones)
                             .fetch(nearestQuery).run()) {
                    float[] value = Tensors.toArray(result.get(0));
                    for (int j = 0; j < m; j++) {
                        closest[j] = Math.max(closest[j], value[j]);
                    }
                }
            });
            for (int j = 0; j < m; j++) {
                scale[j] = (float) (1 / (completeness + Math.max(0, 1 - closest[j])));
            }
        }
        int[] index = new int[n];
        float[] best = new float[n];
        try (TFloat32 scales = Tensors.of(scale, 1, m)) {
            forEachBlock(queryRows, m, (start, q) -> {
                try (Result result = session.runner().feed(queries, q).feed(keys, keyRows).feed(keyScale, scales)
                        .fetch(nearest).fetch(similarity).run()) {
                    float[] found = Tensors.toArray(result.get(0));
                    float[] value = Tensors.toArray(result.get(1));
                    for (int k = 0; k < found.length; k++) {
                        index[start + k] = Math.round(found[k]);
                        best[start + k] = value[k];
                    }
                }
            });
        }
        return new Match(index, best);
    }

    private interface Block {
        void run(int start, TFloat32 queries);
    }

    /** The queries in blocks whose products with m keys stay under {@link #BLOCK_BYTES}. */
    private void forEachBlock(float[] queryRows, int m, Block block) {
        int n = queryRows.length / depth;
        int rows = (int) Math.max(1, Math.min(n, BLOCK_BYTES / (4L * Math.max(1, m))));
        for (int start = 0; start < n; start += rows) {
            int count = Math.min(rows, n - start);
            float[] chunk = new float[count * depth];
            System.arraycopy(queryRows, start * depth, chunk, 0, count * depth);
            try (TFloat32 q = Tensors.of(chunk, count, depth)) {
                block.run(start, q);
            }
        }
    }
}
