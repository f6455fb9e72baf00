package org.neuralstyle.cli;

import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.job.EngineChoice;
import org.neuralstyle.job.options.JobOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --threads}, {@code --precision} for the commands outside jobs that run TensorFlow (bench), with the jobs' help.
 */
final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", description = JobOptions.THREADS_HELP)
    Integer threads;

    @Option(names = "--precision", paramLabel = "fp32|bf16|auto", description = JobOptions.PRECISION_HELP)
    String precision;

    /** These options with another --precision (null: none given). */
    EngineOptions withPrecision(String otherPrecision) {
        EngineOptions copy = new EngineOptions();
        copy.threads = threads;
        copy.precision = otherPrecision;
        copy.cpu = cpu;
        return copy;
    }

    /** The machine's processor; a test may put another in its place. */
    CpuFeatures cpu = CpuFeatures.ofThisMachine();

    /** What was asked, for a job. */
    EngineChoice choice() {
        return new EngineChoice(threads, precision, cpu);
    }

    EngineSettings settings() {
        return choice().settings();
    }

    /** Said once before a run where the precision asked for cannot be had: bf16 on a CPU without it. */
    Optional<String> notice() {
        return choice().notice();
    }

    /** The same settings as arguments, for a child process. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (precision != null) {
            args.addAll(List.of("--precision", precision));
        }
        return args;
    }
}
