package org.neuralstyle.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A job's live state: its record (replaced as it moves on), its loss curve and whether it was asked to stop. */
final class Job {

    private JobRecord record;
    private final List<LossPoint> losses;
    private volatile boolean cancelRequested;

    Job(JobRecord record, List<LossPoint> losses) {
        this.record = record;
        this.losses = new ArrayList<>(losses);
    }

    synchronized JobRecord record() {
        return record;
    }

    synchronized JobRecord update(UnaryOperator<JobRecord> change) {
        record = change.apply(record);
        return record;
    }

    synchronized void addLoss(LossPoint point) {
        losses.add(point);
    }

    synchronized List<LossPoint> losses() {
        return List.copyOf(losses);
    }

    String id() {
        return record().id();
    }

    void requestCancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }
}
