package org.neuralstyle.batch;

import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch's state is its output folder, shared by every shard: a job is done when its output exists (outputs are
 * written atomically, so a shard that died leaves none and a rerun redoes the job), failed when
 * {@code .batch/NAME.failed} holds its one-line error; its program output is in {@code .batch/NAME.log}.
 */
public final class BatchFolder {

    private final Path output;

    public BatchFolder(Path output) throws IOException {
        this.output = output;
        Files.createDirectories(output.resolve(".batch"));
    }

    public Path output() {
        return output;
    }

    public Path outputOf(BatchJob job) {
        return output.resolve(job.outputFileName());
    }

    public Path logOf(BatchJob job) {
        return output.resolve(".batch").resolve(job.name() + ".log");
    }

    private Path failureOf(BatchJob job) {
        return output.resolve(".batch").resolve(job.name() + ".failed");
    }

    public boolean isDone(BatchJob job) {
        return Files.isRegularFile(outputOf(job));
    }

    /** The one-line error of a failed job, or null. */
    public String failure(BatchJob job) {
        try {
            return Files.isRegularFile(failureOf(job)) ? Files.readString(failureOf(job)).strip() : null;
        } catch (IOException e) {
            return "(its error could not be read: " + e.getMessage() + ")";
        }
    }

    void markFailed(BatchJob job, String message) throws IOException {
        AtomicFiles.writeString(failureOf(job), message + "\n");
    }

    void clearFailure(BatchJob job) throws IOException {
        Files.deleteIfExists(failureOf(job));
    }

    /** A file of the batch as a whole (summary, contact sheet, scheduler scripts). */
    public Path file(String name) {
        return output.resolve(name);
    }

    public Path internal(String name) {
        return output.resolve(".batch").resolve(name);
    }
}
