package org.neuralstyle.studio;

import java.util.ArrayList;
import java.util.List;

/**
 * A job as stored in its folder's job.json and shown by the API: what was asked, the exact arguments it runs
 * with, and how far it got. Immutable; the queue replaces it as the job moves on.
 *
 * @param kind       "image" or "video" (by the content upload)
 * @param arguments  the program's arguments (output in the job's folder)
 * @param command    the same as a shell command that writes its output to the current folder
 * @param iteration  the iteration reached (of the current frame, for a video)
 * @param frame      the frame being stylized (from 1; 0 for an image)
 * @param previews   how many previews were written (a client reloads the preview when it grows)
 * @param hasResult  whether the result exists (a finished job, or the best image of a cancelled one)
 * @param notes      what the run said to its user before and while it worked ("note: ...", "warning: ..."), the
 *                   first {@link #MAX_NOTES}
 */
public record JobRecord(String id, String kind, JobSpec spec, List<String> arguments, String command, JobState state,
                        long createdMillis, Long startedMillis, Long finishedMillis, String message,
                        int iteration, int iterations, int frame, int frames, Double etaSeconds, Double bestLoss,
                        int previews, boolean hasResult, List<String> notes) {

    public static final String IMAGE = "image";
    /** A run says a few things at most; more than this would be a loop, and the card would not show them. */
    static final int MAX_NOTES = 10;

    public JobRecord {
        notes = notes == null ? List.of() : List.copyOf(notes); // records saved before notes were kept have none
    }
    public static final String VIDEO = "video";

    static JobRecord queued(String id, String kind, JobSpec spec, List<String> arguments, String command, long now) {
        return new JobRecord(id, kind, spec, List.copyOf(arguments), command, JobState.QUEUED, now, null, null, null,
                0, 0, 0, 0, null, null, 0, false, List.of());
    }

    /** The result's file name in the job's folder. */
    static String resultFile(String kind) {
        return VIDEO.equals(kind) ? "result.mp4" : "result.png";
    }

    String resultFile() {
        return resultFile(kind);
    }

    boolean isVideo() {
        return VIDEO.equals(kind);
    }

    JobRecord started(long now) {
        return new JobRecord(id, kind, spec, arguments, command, JobState.RUNNING, createdMillis, now, null, null,
                0, iterations, 0, frames, null, null, previews, false, List.of());
    }

    JobRecord progressed(int iteration, int iterations, int frame, int frames, Double etaSeconds, double bestLoss,
                         int previews) {
        return new JobRecord(id, kind, spec, arguments, command, state, createdMillis, startedMillis, finishedMillis,
                message, iteration, iterations, frame, frames, etaSeconds, bestLoss, previews, hasResult, notes);
    }

    /** The record with one more thing the run said (beyond {@link #MAX_NOTES}, unchanged). */
    JobRecord noted(String line) {
        if (notes.size() >= MAX_NOTES) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add(line);
        return new JobRecord(id, kind, spec, arguments, command, state, createdMillis, startedMillis, finishedMillis,
                message, iteration, iterations, frame, frames, etaSeconds, bestLoss, previews, hasResult, more);
    }

    JobRecord finished(JobState end, String why, boolean result, long now) {
        return new JobRecord(id, kind, spec, arguments, command, end, createdMillis, startedMillis, now, why,
                iteration, iterations, frame, frames, end == JobState.DONE ? Double.valueOf(0) : null, bestLoss,
                previews, result, notes);
    }
}
