package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A loss term with its name and its weighted value, the value set once when the term is built. */
abstract class NamedTerm implements LossTerm {

    private final String name;
    private Operand<TFloat32> value;

    protected NamedTerm(String name) {
        this.name = name;
    }

    /** Sets the term's weighted value, once. */
    protected final void value(Operand<TFloat32> weighted) {
        if (value != null) {
            throw new IllegalStateException(name + " is built already");
        }
        value = weighted;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Operand<TFloat32> value() {
        return value;
    }
}
