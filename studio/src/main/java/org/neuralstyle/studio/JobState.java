package org.neuralstyle.studio;

/** Where a job is in its life. Only RUNNING changes on its own; the last four are final. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
