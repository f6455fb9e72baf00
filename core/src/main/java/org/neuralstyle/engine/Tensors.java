package org.neuralstyle.engine;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java float arrays and TensorFlow tensors. */
public final class Tensors {

    private Tensors() {
    }

    /** A new tensor holding a copy of the data; the caller closes it. */
    public static TFloat32 of(float[] data, long... shape) {
        Shape s = Shape.of(shape);
        if (s.size() != data.length) {
            throw new IllegalArgumentException("shape " + s + " needs " + s.size() + " values, got " + data.length);
        }
        return TFloat32.tensorOf(s, DataBuffers.of(data, true, false));
    }

    /** Overwrites the tensor's contents with the data (same number of values). */
    public static void write(TFloat32 tensor, float[] data) {
        tensor.copyFrom(DataBuffers.of(data, true, false));
    }

    public static float[] toArray(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** Copies into an existing array (avoids an allocation per iteration). */
    public static void copyTo(Tensor tensor, float[] out) {
        ((TFloat32) tensor).copyTo(DataBuffers.of(out, false, false));
    }

    public static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }

    public static long[] shape(Tensor tensor) {
        return tensor.shape().asArray();
    }
}
