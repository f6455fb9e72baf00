package org.neuralstyle.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where every job of a batch stands, read from its folder (so it is right after any number of shards, wherever
 * they ran), written as summary.json and summary.txt.
 */
public record BatchSummary(List<Entry> entries) {

    public enum State { DONE, FAILED, NOT_DONE }

    /** One job: its name, output file, state and, if it failed, why. */
    public record Entry(String name, String output, String row, String column, State state, String message) {
    }

    public static BatchSummary of(List<BatchJob> jobs, BatchFolder folder) {
        List<Entry> entries = new ArrayList<>();
        for (BatchJob job : jobs) {
            String failure = folder.failure(job);
            State state = folder.isDone(job) ? State.DONE : failure != null ? State.FAILED : State.NOT_DONE;
            entries.add(new Entry(job.name(), job.outputFileName(), job.rowLabel(), job.columnLabel(), state,
                    state == State.FAILED ? failure : null));
        }
        return new BatchSummary(entries);
    }

    public long count(State state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    /** "8 jobs: 7 done, 1 failed, 0 not done". */
    public String line() {
        return String.format(Locale.ROOT, "%d jobs: %d done, %d failed, %d not done", entries.size(), count(State.DONE),
                count(State.FAILED), count(State.NOT_DONE));
    }

    public void write(BatchFolder folder) throws IOException {
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        AtomicFiles.write(folder.file("summary.json"), out -> out.write(json));
        StringBuilder text = new StringBuilder(line()).append('\n');
        for (Entry e : entries) {
            text.append(String.format(Locale.ROOT, "%-9s %s%s%n", e.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    e.output(), e.message() != null ? "  (" + e.message() + ")" : ""));
        }
        AtomicFiles.writeString(folder.file("summary.txt"), text.toString());
    }
}
