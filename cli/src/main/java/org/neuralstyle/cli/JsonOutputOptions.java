package org.neuralstyle.cli;

import org.neuralstyle.job.OutputFiles;
import org.neuralstyle.io.AtomicFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --json FILE [--overwrite]}: the machine-readable copy of a benchmark's results. */
final class JsonOutputOptions {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--overwrite", description = "Replace an existing JSON file.")
    boolean overwrite;

    /** Checked before the (long) benchmark starts. */
    void requireWritable() {
        if (json != null) {
            OutputFiles.requireWritable(json, overwrite, "--json");
        }
    }

    void write(String text, PrintWriter out) throws IOException {
        if (json != null) {
            AtomicFiles.writeString(json, text);
            out.println("wrote " + json);
        }
    }
}
