package org.neuralstyle.job;

import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.TileProgress;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.video.FrameReport;
import org.neuralstyle.video.VideoListener;

import java.util.List;

/**
 * The one event stream of a job, for every front end: what it says to the user (notes and warnings, one line each;
 * status lines such as the plan), downloads, and the run's progress: iterations, tile passes, frames. Every event has
 * a default, so a listener implements only its concern (the terminal display, checkpoints, stop on a signal, the
 * studio's preview, batch bookkeeping); {@link #all} puts several together.
 */
public interface JobListener extends VideoListener {

    /** A note or warning for the user, one line without the program's name ("note: ...", "warning: ..."). */
    default void onNote(String line) {
    }

    /** A status line of the run: its plan before the work starts, a resumed video's frames. */
    default void onStatus(String line) {
    }

    /** A download starts; what it returns hears its progress and is closed when the download ends. */
    default Download onDownload(String fileName) {
        return Download.SILENT;
    }

    @Override
    default void onIteration(IterationProgress progress) {
    }

    /** A download's progress, shown while it lasts. */
    interface Download extends Downloader.Progress, AutoCloseable {

        Download SILENT = new Download() {
            @Override
            public void update(long bytes, long total) {
            }

            @Override
            public void close() {
            }
        };

        @Override
        void close();
    }

    JobListener NONE = new JobListener() {
    };

    /** Every listener hears every event, in order; the run stops when any asks; the first shows downloads. */
    static JobListener all(JobListener... listeners) {
        List<JobListener> each = List.of(listeners);
        return new JobListener() {
            @Override
            public void onNote(String line) {
                each.forEach(l -> l.onNote(line));
            }

            @Override
            public void onStatus(String line) {
                each.forEach(l -> l.onStatus(line));
            }

            @Override
            public Download onDownload(String fileName) {
                return each.isEmpty() ? Download.SILENT : each.get(0).onDownload(fileName);
            }

            @Override
            public void onIteration(IterationProgress progress) {
                each.forEach(l -> l.onIteration(progress));
            }

            @Override
            public void onTile(TileProgress progress) {
                each.forEach(l -> l.onTile(progress));
            }

            @Override
            public void onFrameStart(int frame, int frames, int iterations) {
                each.forEach(l -> l.onFrameStart(frame, frames, iterations));
            }

            @Override
            public void onFrameDone(FrameReport report) {
                each.forEach(l -> l.onFrameDone(report));
            }

            @Override
            public boolean stopRequested() {
                return each.stream().anyMatch(JobListener::stopRequested);
            }
        };
    }
}
