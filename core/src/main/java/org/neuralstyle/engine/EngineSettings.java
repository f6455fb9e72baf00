package org.neuralstyle.engine;

/**
 * How TensorFlow runs the network: its threads and its number format. One convolution at a time uses every core
 * best (intra-op = cores), and running independent ops side by side (inter-op) only makes them compete for the
 * same cores.
 */
public record EngineSettings(int intraOpThreads, int interOpThreads, Precision precision) {

    public EngineSettings {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be given");
        }
    }

    /** Every core, fp32. */
    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), 1, Precision.FP32);
    }

    public EngineSettings withThreads(int threads) {
        return new EngineSettings(threads, interOpThreads, precision);
    }

    public EngineSettings withPrecision(Precision p) {
        return new EngineSettings(intraOpThreads, interOpThreads, p);
    }
}
