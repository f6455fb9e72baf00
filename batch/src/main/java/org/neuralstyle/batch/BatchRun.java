package org.neuralstyle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a shard's jobs one after another: a done job is skipped, a failing one is recorded with its one-line
 * error and the others go on. The batch never prints; what happens is told to a {@link Listener}.
 */
public final class BatchRun {

    /** Runs one job: the program with these arguments, its output to {@code log}. */
    public interface Executor {
        /** The one-line reason a job cannot run (checked as the program checks before its work), or null. */
        String check(List<String> arguments);

        Outcome run(List<String> arguments, Path log);
    }

    /** How a job ended; {@code message} is the one-line error of a failure. */
    public record Outcome(boolean succeeded, boolean interrupted, String message) {
    }

    /** What a batch reports as it goes. */
    public interface Listener {
        void onJob(int number, int total, BatchJob job);

        void onSkipped(BatchJob job);

        void onDone(BatchJob job, Duration took);

        void onFailed(BatchJob job, String message);
    }

    /** What a shard did: jobs run, skipped as done, failed; whether it stopped early (interrupted). */
    public record Result(int ran, int skipped, int failed, boolean interrupted) {
    }

    private final BatchFolder folder;
    private final Executor executor;
    private final Listener listener;

    public BatchRun(BatchFolder folder, Executor executor, Listener listener) {
        this.folder = folder;
        this.executor = executor;
        this.listener = listener;
    }

    /**
     * Checks every job that is not done before any runs (a bad one is recorded as failed at once), then runs the
     * rest in order.
     */
    public Result run(List<BatchJob> jobs) throws IOException {
        int ran = 0;
        int skipped = 0;
        int failed = 0;
        java.util.Set<BatchJob> refused = new java.util.HashSet<>();
        for (BatchJob job : jobs) {
            if (!folder.isDone(job)) {
                String problem = executor.check(job.arguments(folder.outputOf(job)));
                if (problem != null) {
                    refused.add(job);
                    folder.markFailed(job, problem);
                }
            }
        }
        // The jobs that cannot run are told first, before anything is painted, not after the good ones ran.
        for (int i = 0; i < jobs.size(); i++) {
            BatchJob job = jobs.get(i);
            if (refused.contains(job)) {
                failed++;
                listener.onJob(i + 1, jobs.size(), job);
                listener.onFailed(job, folder.failure(job));
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            BatchJob job = jobs.get(i);
            if (refused.contains(job)) {
                continue;
            }
            listener.onJob(i + 1, jobs.size(), job);
            if (folder.isDone(job)) {
                skipped++;
                listener.onSkipped(job);
                continue;
            }
            folder.clearFailure(job);
            long start = System.nanoTime();
            Outcome outcome = executor.run(job.arguments(folder.outputOf(job)), folder.logOf(job));
            if (outcome.interrupted()) {
                return new Result(ran, skipped, failed, true);
            }
            ran++;
            if (outcome.succeeded() && folder.isDone(job)) {
                listener.onDone(job, Duration.ofNanos(System.nanoTime() - start));
            } else {
                failed++;
                String message = outcome.message() != null ? outcome.message() : "it wrote no output";
                folder.markFailed(job, message);
                listener.onFailed(job, message);
            }
        }
        return new Result(ran, skipped, failed, false);
    }
}
