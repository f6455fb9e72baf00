package org.neuralstyle.cli;

import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Precision;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code --threads}, {@code --precision}: the engine settings every command that runs TensorFlow shares. */
final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads for TensorFlow (default: all cores).")
    Integer threads;

    @Option(names = "--precision", paramLabel = "fp32|bf16|auto",
            description = "Number format of the network's convolutions: bf16 on CPUs with AVX512_BF16 or AMX "
                    + "(the loss and optimiser stay fp32; elsewhere it runs in fp32 with a note), fp32, or auto: "
                    + "bf16 where the processor has it (default: auto).")
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

    EngineSettings settings() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        EngineSettings defaults = EngineSettings.defaults();
        return (threads == null ? defaults : defaults.withThreads(threads)).withPrecision(resolvedPrecision());
    }

    /** Said once before a run where the precision asked for cannot be had: bf16 on a CPU without it. */
    Optional<String> notice() {
        if (requested() == Requested.BF16 && !cpu.hasBf16()) {
            return Optional.of("--precision bf16: this processor has no AVX512_BF16 or AMX instructions, where bf16 "
                    + "would be emulated and slower; running in fp32");
        }
        return Optional.empty();
    }

    private enum Requested { FP32, BF16, AUTO }

    private Requested requested() {
        if (precision == null || precision.equalsIgnoreCase("auto")) {
            return Requested.AUTO;
        }
        try {
            return Requested.valueOf(Precision.parse(precision).name());
        } catch (IllegalArgumentException e) {
            throw new UserError("--precision: " + e.getMessage());
        }
    }

    /**
     * bf16 where it was asked for or left to auto and the processor has it, else fp32. Auto may pick it: its
     * pictures are as good as fp32's (README, Speed: the same sharpness, final losses within 0.7%).
     */
    private Precision resolvedPrecision() {
        return requested() != Requested.FP32 && cpu.hasBf16() ? Precision.BF16 : Precision.FP32;
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
