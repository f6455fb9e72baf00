package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A loss term whose targets are graph inputs of its own ({@link FedTargets}): ready once they are set, fed at every
 * evaluation, released on close. Subclasses add their inputs in their constructors and then set the value.
 */
abstract class FedTerm implements LossTerm {

    /** The term's inputs and their tensors. */
    protected final FedTargets fed = new FedTargets();
    private final String name;
    private Operand<TFloat32> value;

    protected FedTerm(String name) {
        this.name = name;
    }

    /** The term's weighted value, set once by the constructor after its inputs. */
    protected final void value(Operand<TFloat32> weighted) {
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

    @Override
    public boolean ready() {
        return fed.isSet();
    }

    @Override
    public final void feed(Session.Runner runner) {
        fed.feed(runner);
    }

    @Override
    public void close() {
        fed.close();
    }
}
