package org.neuralstyle.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The jobs, and one worker that runs the waiting ones in order, one at a time (a run already uses every core).
 * Waiting jobs can be reordered and cancelled; a running one can be cancelled and keeps its best image. On start,
 * jobs that were waiting wait again, and a job that was running when the server stopped is marked interrupted
 * with its last preview kept as its result.
 */
final class JobQueue implements AutoCloseable {

    private final JobStore store;
    private final JobRunner runner;
    private final BiConsumer<String, Object> publish;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<String> waiting = new ArrayList<>();
    private final Thread worker;
    private Job running;
    private boolean closing;

    JobQueue(JobStore store, JobRunner runner, BiConsumer<String, Object> publish) throws IOException {
        this.store = store;
        this.runner = runner;
        this.publish = publish;
        for (JobRecord record : store.loadAll()) {
            JobRecord restored = record;
            if (record.state() == JobState.RUNNING) {
                restored = interrupted(record);
                store.save(restored);
            }
            jobs.put(restored.id(), new Job(restored, store.losses(restored.id())));
            if (restored.state() == JobState.QUEUED) {
                waiting.add(restored.id());
            }
        }
        worker = new Thread(this::work, "studio-jobs");
        worker.setDaemon(true);
        worker.start();
    }

    /** A job the server stopped during: its last preview (the best image then) becomes its result. */
    private JobRecord interrupted(JobRecord record) throws IOException {
        Path folder = store.folder(record.id());
        Path result = folder.resolve(record.resultFile());
        boolean kept = Files.exists(result);
        if (!kept && !record.isVideo() && Files.exists(folder.resolve(JobStore.PREVIEW))) {
            Files.copy(folder.resolve(JobStore.PREVIEW), result, StandardCopyOption.REPLACE_EXISTING);
            kept = true;
        }
        String where = record.isVideo() ? "at frame " + record.frame() + " of " + record.frames()
                + "; the finished frames are in its folder" : "at iteration " + record.iteration()
                + (kept ? "; the best image then is kept" : "");
        return record.finished(JobState.INTERRUPTED, "the server stopped during this job " + where, kept,
                System.currentTimeMillis());
    }

    synchronized void submit(JobRecord record) {
        store.save(record);
        jobs.put(record.id(), new Job(record, List.of()));
        waiting.add(record.id());
        notifyAll();
        publish.accept("job", record);
    }

    /** All jobs: the running one, then the waiting ones in the order they will run, then the finished, newest first. */
    synchronized List<JobRecord> list() {
        List<JobRecord> out = new ArrayList<>();
        if (running != null) {
            out.add(running.record());
        }
        waiting.forEach(id -> out.add(jobs.get(id).record()));
        List<JobRecord> finished = new ArrayList<>();
        jobs.values().stream().map(Job::record).filter(r -> r.state().finished()).forEach(finished::add);
        java.util.Collections.reverse(finished);
        out.addAll(finished);
        return out;
    }

    synchronized Job get(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiError.notFound("no job " + id);
        }
        return job;
    }

    synchronized JobRecord cancel(String id) {
        Job job = get(id);
        JobRecord record = job.record();
        switch (record.state()) {
            case QUEUED -> {
                waiting.remove(id);
                record = job.update(r -> r.finished(JobState.CANCELLED, "cancelled before it started", false,
                        System.currentTimeMillis()));
                store.save(record);
                publish.accept("job", record);
            }
            case RUNNING -> job.requestCancel();
            default -> throw new ApiError(409, "job " + id + " has already finished (" + record.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return record;
    }

    /** Moves a waiting job to a place in the waiting line (0 = next). */
    synchronized void move(String id, int position) {
        Job job = get(id);
        if (!waiting.contains(id)) {
            throw new ApiError(409, "job " + id + " is not waiting (" + job.record().state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        waiting.remove(id);
        waiting.add(Math.max(0, Math.min(position, waiting.size())), id);
        publish.accept("order", List.copyOf(waiting));
    }

    synchronized void delete(String id) throws IOException {
        Job job = get(id);
        if (job.record().state() == JobState.RUNNING) {
            throw new ApiError(409, "job " + id + " is running; cancel it first");
        }
        waiting.remove(id);
        jobs.remove(id);
        store.delete(id);
        publish.accept("deleted", Map.of("id", id));
    }

    private void work() {
        while (true) {
            Job job;
            synchronized (this) {
                while (!closing && waiting.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing) {
                    return;
                }
                job = jobs.get(waiting.remove(0));
                running = job;
            }
            try {
                execute(job);
            } catch (RuntimeException e) {
                // A job must not take the worker with it (a full disk while saving its record, say): it is marked
                // failed, as far as that can be saved, and the queue goes on.
                JobRecord failed = job.update(r -> r.finished(JobState.FAILED, "the studio could not finish this job ("
                        + e.getMessage() + ")", false, System.currentTimeMillis()));
                try {
                    store.save(failed);
                } catch (RuntimeException stillFailing) {
                    // the record on disk stays as it was; a restart marks the job interrupted
                }
                publish.accept("job", failed);
            } finally {
                synchronized (this) {
                    running = null;
                }
            }
        }
    }

    private void execute(Job job) {
        Path folder = store.folder(job.id());
        JobRecord started = job.update(r -> r.started(System.currentTimeMillis()));
        store.save(started);
        publish.accept("job", started);
        JobRunner.JobOutcome outcome;
        try {
            outcome = runner.run(started.arguments(),
                    new JobProgress(job, folder.resolve(JobStore.PREVIEW), j -> publish.accept("job", j.record()),
                            this::saveProgress),
                    folder.resolve(JobStore.LOG));
        } catch (RuntimeException e) {
            outcome = new JobRunner.JobOutcome(1, "internal error: " + e);
        }
        boolean result = Files.exists(folder.resolve(started.resultFile()));
        JobState end;
        String message;
        if (outcome.succeeded()) {
            end = JobState.DONE;
            message = null;
        } else if (outcome.exitStatus() == JobRunner.JobOutcome.INTERRUPTED) {
            boolean serverStopping;
            synchronized (this) {
                serverStopping = closing;
            }
            end = serverStopping ? JobState.INTERRUPTED : JobState.CANCELLED;
            JobRecord last = job.record();
            message = (serverStopping ? "the server stopped" : "cancelled") + (last.isVideo()
                    ? " at frame " + last.frame() + " of " + last.frames() + "; the finished frames are in its folder"
                    : " at iteration " + last.iteration() + (result ? "; the best image so far is kept" : ""));
        } else {
            end = JobState.FAILED;
            message = outcome.message();
        }
        store.saveLosses(job.id(), job.losses());
        JobRecord finished = job.update(r -> r.finished(end, message, result, System.currentTimeMillis()));
        store.save(finished);
        publish.accept("job", finished);
    }

    /**
     * The record and curve of a running job, as far as its preview shows: what a restart after a hard kill finds.
     * A save that fails (a full disk) is skipped; the next preview tries again, and the run goes on.
     */
    private void saveProgress(Job job) {
        try {
            store.saveLosses(job.id(), job.losses());
            store.save(job.record());
        } catch (UncheckedIOException e) {
            // the previous save stands
        }
    }

    /** Stops taking jobs; a running job is asked to stop, keeps its best image and is marked interrupted. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            if (running != null) {
                running.requestCancel();
            }
            notifyAll();
        }
        try {
            worker.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
