package org.neuralstyle.studio;

import java.util.List;

/**
 * A job as stored in its folder's job.json and shown by the API: what was asked, the exact arguments it runs
 * with, and how far it got. Immutable; the queue replaces it as the job moves on.
 *
 * @param arguments  the program's arguments (output in the job's folder)
 * @param command    the same as a shell command that writes its output to the current folder
 * @param previews   how many previews were written (a client reloads the preview when it grows)
 * @param hasResult  whether result.png exists (a finished job, or the best image of a cancelled one)
 */
public record JobRecord(String id, JobSpec spec, List<String> arguments, String command, JobState state,
                        long createdMillis, Long startedMillis, Long finishedMillis, String message,
                        int iteration, int iterations, Double etaSeconds, Double bestLoss, int previews,
                        boolean hasResult) {

    static JobRecord queued(String id, JobSpec spec, List<String> arguments, String command, long now) {
        return new JobRecord(id, spec, List.copyOf(arguments), command, JobState.QUEUED, now, null, null, null,
                0, 0, null, null, 0, false);
    }

    JobRecord started(long now) {
        return new JobRecord(id, spec, arguments, command, JobState.RUNNING, createdMillis, now, null, null,
                0, iterations, null, null, previews, false);
    }

    JobRecord progressed(int iteration, int iterations, Double etaSeconds, double bestLoss, int previews) {
        return new JobRecord(id, spec, arguments, command, state, createdMillis, startedMillis, finishedMillis,
                message, iteration, iterations, etaSeconds, bestLoss, previews, hasResult);
    }

    JobRecord finished(JobState end, String why, boolean result, long now) {
        return new JobRecord(id, spec, arguments, command, end, createdMillis, startedMillis, now, why,
                iteration, iterations, end == JobState.DONE ? Double.valueOf(0) : null, bestLoss, previews, result);
    }
}
