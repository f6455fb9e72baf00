package org.neuralstyle.cli;

import org.neuralstyle.engine.EngineSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --threads}: the engine settings every command that runs TensorFlow shares. */
final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads for TensorFlow (default: all cores).")
    Integer threads;

    EngineSettings settings() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        return threads == null ? EngineSettings.defaults() : new EngineSettings(threads, 1);
    }

    /** The same settings as arguments, for a child process. */
    List<String> asArguments() {
        return threads == null ? List.of() : List.of("--threads", threads.toString());
    }
}
