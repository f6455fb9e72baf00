package org.neuralstyle.job;

import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Precision;

import java.util.Optional;

/**
 * What the user asked of the engine ({@code --threads}, {@code --precision}; null: not given) on this processor, and
 * the settings that follow from it.
 */
public record EngineChoice(Integer threads, String precision, CpuFeatures cpu) {

    /** Nothing asked: all cores, the precision the processor does best. */
    public static EngineChoice defaults() {
        return new EngineChoice(null, null, CpuFeatures.ofThisMachine());
    }

    public EngineSettings settings() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        EngineSettings defaults = EngineSettings.defaults();
        return (threads == null ? defaults : defaults.withThreads(threads)).withPrecision(resolvedPrecision());
    }

    /** Said once before a run where the precision asked for cannot be had: bf16 on a CPU without it. */
    public Optional<String> notice() {
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
     * pictures are as good as fp32's (docs/performance.md: the same sharpness, final losses within 0.7%).
     */
    private Precision resolvedPrecision() {
        return requested() != Requested.FP32 && cpu.hasBf16() ? Precision.BF16 : Precision.FP32;
    }
}
