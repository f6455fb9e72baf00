package org.neuralstyle.algorithm;

/** Receives progress from a running style transfer and may ask it to stop early. */
public interface StyleTransferListener {

    void onIteration(IterationProgress progress);

    /** A tile pass of a tiled run finished (see {@link TiledStyleTransferGraph}); nothing by default. */
    default void onTile(TileProgress progress) {
    }

    /** Polled every iteration; when true the run stops and returns the best image so far. */
    default boolean stopRequested() {
        return false;
    }

    StyleTransferListener NONE = progress -> { };
}
