package org.neuralstyle.testing;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.util.function.Function;

/** Builds a one-output graph and evaluates it, for known-answer tests of graph-building code. */
public final class GraphRunner {

    private GraphRunner() {
    }

    public static float[] evaluate(Function<Ops, Operand<TFloat32>> build) {
        try (GraphSession g = new GraphSession(EngineSettings.defaults())) {
            Operand<TFloat32> out = build.apply(g.ops());
            try (Result r = g.session().runner().fetch(out).run()) {
                return Tensors.toArray(r.get(0));
            }
        }
    }
}
