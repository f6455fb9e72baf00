package org.neuralstyle.engine;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Owns one TensorFlow graph and the session that runs it: the single place where these native
 * resources are created and closed. Build the graph through {@link #ops()}, then run it.
 */
public final class GraphSession implements AutoCloseable {

    private final Graph graph;
    private final Ops ops;
    private final EngineSettings settings;
    private Session session;

    public GraphSession(EngineSettings settings) {
        this.settings = settings;
        this.graph = new Graph();
        this.ops = Ops.create(graph);
    }

    public Ops ops() {
        return ops;
    }

    public Graph graph() {
        return graph;
    }

    /** The session, created on first use (after the graph is built). */
    public Session session() {
        if (session == null) {
            ConfigProto config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(settings.intraOpThreads())
                    .setInterOpParallelismThreads(settings.interOpThreads())
                    .build();
            session = new Session(graph, config);
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
