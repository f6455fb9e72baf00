package org.neuralstyle.batch;

/**
 * What each part of a batch asks a scheduler for: as many parts as wanted, the cores for one run, and the memory
 * the memory plan gives for the batch's largest job plus the program's own (TensorFlow's natives, the JVM).
 */
public record ClusterRequest(int shards, int cpus, long memoryMegabytes) {

    /** The program's own resident memory besides a run's tensors (measured ~1.3 GB; REFERENCE 5). */
    public static final long PROGRAM_MEGABYTES = 1536;

    public ClusterRequest {
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, got " + shards);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("--cpus must be at least 1, got " + cpus);
        }
    }

    /** From the largest planned peak of the jobs' runs, in bytes. */
    public static ClusterRequest of(int shards, int cpus, long largestPlannedBytes) {
        return new ClusterRequest(shards, cpus, PROGRAM_MEGABYTES + (largestPlannedBytes + (1 << 20) - 1) / (1 << 20));
    }
}
