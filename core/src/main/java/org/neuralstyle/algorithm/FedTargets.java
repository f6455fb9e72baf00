package org.neuralstyle.algorithm;

import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * Graph inputs that a loss term compares against (features, statistics, a warped frame), with the tensors that
 * fill them: set once per content, style or frame and fed at every evaluation. Owns those tensors.
 */
final class FedTargets implements AutoCloseable {

    private final List<Placeholder<TFloat32>> placeholders = new ArrayList<>();
    private final List<TFloat32> values = new ArrayList<>();

    /** A new input of the given shape, in the order {@link #set} takes its values. */
    Placeholder<TFloat32> add(Ops tf, Shape shape) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        placeholders.add(p);
        return p;
    }

    int size() {
        return placeholders.size();
    }

    /** Takes ownership of one tensor per input, releasing the ones held before. */
    void set(List<TFloat32> tensors) {
        if (tensors.size() != placeholders.size()) {
            tensors.forEach(Tensor::close);
            throw new IllegalArgumentException(tensors.size() + " targets for " + placeholders.size() + " inputs");
        }
        clear();
        values.addAll(tensors);
    }

    /** The tensors held, in input order, for writing in place. */
    List<TFloat32> values() {
        return values;
    }

    boolean isSet() {
        return values.size() == placeholders.size();
    }

    void feed(Session.Runner runner) {
        for (int k = 0; k < placeholders.size(); k++) {
            runner.feed(placeholders.get(k), values.get(k));
        }
    }

    private void clear() {
        values.forEach(Tensor::close);
        values.clear();
    }

    @Override
    public void close() {
        clear();
    }
}
