package org.neuralstyle.engine;

/**
 * Thread settings for TensorFlow. One convolution at a time uses every core best (intra-op = cores),
 * and running independent ops side by side (inter-op) only makes them compete for the same cores.
 */
public record EngineSettings(int intraOpThreads, int interOpThreads) {

    public EngineSettings {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), 1);
    }
}
