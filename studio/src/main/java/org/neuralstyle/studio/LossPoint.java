package org.neuralstyle.studio;

/** One point of a job's loss curves: the terms at an iteration (counted across scales). */
public record LossPoint(int iteration, double total, double content, double style, double tv) {
}
