package org.neuralstyle.studio;

import org.neuralstyle.job.JobListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobQueueTest {

    @TempDir
    Path temp;

    /** A runner whose jobs all succeed. */
    private static final class Runner implements JobRunner {

        @Override
        public OptionCatalogue catalogue() {
            return new OptionCatalogue(List.of(), List.of(), Map.of(), Map.of("net", "w"), "net");
        }

        @Override
        public void check(List<String> arguments) {
        }

        @Override
        public JobOutcome run(List<String> arguments, JobListener listener, Path log) {
            return new JobOutcome(0, null);
        }

        @Override
        public VideoSize probeVideo(Path file) {
            return null;
        }
    }

    @Test
    void aJobThatBreaksIsMarkedFailedAndTheQueueGoesOn() throws Exception {
        JobStore store = new JobStore(temp.resolve("jobs"), new ObjectMapper());
        // The studio itself breaks while starting the first job (here: telling the pages), as a full disk might.
        java.util.concurrent.atomic.AtomicBoolean broke = new java.util.concurrent.atomic.AtomicBoolean();
        try (JobQueue queue = new JobQueue(store, new Runner(), (event, data) -> {
            if (data instanceof JobRecord r && r.state() == JobState.RUNNING && !broke.getAndSet(true)) {
                throw new IllegalStateException("disk full");
            }
        })) {
            for (String id : List.of("20261126-000000-000001", "20261126-000000-000002")) {
                store.create(id);
                queue.submit(JobRecord.queued(id, JobRecord.IMAGE, new JobSpec("c", List.of("s"), null, null, null, null,
                        null, 1L, null), List.of("--content", "c"), "neural-style --content c", System.currentTimeMillis()));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (queue.list().stream().anyMatch(r -> !r.state().finished()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            JobRecord broken = queue.get("20261126-000000-000001").record();
            assertThat(broken.state()).isEqualTo(JobState.FAILED);
            assertThat(broken.message()).contains("disk full");
            assertThat(queue.get("20261126-000000-000002").record().state()).isEqualTo(JobState.DONE);
        }
        // What was saved says the same after a restart.
        assertThat(store.loadAll()).extracting(JobRecord::state).containsExactly(JobState.FAILED, JobState.DONE);
    }
}
