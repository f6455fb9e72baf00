package org.neuralstyle.job;

/**
 * What a checked job will do: the size of its picture (or of each frame), its network, the iterations in all, and
 * the peak memory its plan expects (the batch asks a cluster for that much).
 */
public record JobPlan(int width, int height, String network, int iterations, long plannedBytes) {
}
