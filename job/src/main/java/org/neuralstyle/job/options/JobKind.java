package org.neuralstyle.job.options;

/** What a job paints: one picture ({@code neural-style}) or a video ({@code neural-style video}). */
public enum JobKind {
    IMAGE,
    VIDEO
}
