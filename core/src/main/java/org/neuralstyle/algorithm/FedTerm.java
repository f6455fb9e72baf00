package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A loss term whose targets are graph inputs of its own ({@link FedTargets}): ready once they are set, fed at every
 * evaluation, released on close. Subclasses add their inputs in their constructors and then set the value.
 */
abstract class FedTerm extends NamedTerm {

    /** The term's inputs and their tensors. */
    protected final FedTargets fed = new FedTargets();

    /** Subclasses set their value ({@link #value(Operand)}) in the constructor, after their inputs. */
    protected FedTerm(String name) {
        super(name);
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
