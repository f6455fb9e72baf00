package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * One weighted term of the loss as graph operations (content, style, total variation, temporal), with the
 * targets it holds and feeds at every evaluation. {@link StyleTransferGraph} adds the terms up.
 */
interface LossTerm extends AutoCloseable {

    /** The name its value is shown under ({@link LossTerms}). */
    String name();

    /** The term's weighted value, a scalar. */
    Operand<TFloat32> value();

    /** True once the targets are set; a term without targets is always ready. */
    default boolean ready() {
        return true;
    }

    /** Feeds this term's targets to one evaluation. */
    default void feed(Session.Runner runner) {
    }

    /** Releases the target tensors it owns. */
    @Override
    default void close() {
    }
}
