package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.neuralstyle.job.UserError;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.Precision;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineOptionsTest {

    private static final CpuFeatures ZEN3 = new CpuFeatures(Set.of("avx2", "fma"));
    private static final CpuFeatures ZEN4 = new CpuFeatures(Set.of("avx2", "avx512f", "avx512_bf16"));

    private static EngineOptions options(String precision, CpuFeatures cpu) {
        EngineOptions options = new EngineOptions();
        options.precision = precision;
        options.cpu = cpu;
        return options;
    }

    @Test
    void bf16WhereTheProcessorHasItElseFp32WithOneNote() {
        assertThat(options("bf16", ZEN4).settings().precision()).isEqualTo(Precision.BF16);
        assertThat(options("bf16", ZEN4).notice()).isEmpty();
        EngineOptions lacking = options("bf16", ZEN3);
        assertThat(lacking.settings().precision()).isEqualTo(Precision.FP32);
        assertThat(lacking.notice()).hasValueSatisfying(n -> assertThat(n).contains("--precision bf16")
                .contains("AVX512_BF16").contains("fp32").doesNotContain("\n"));
    }

    @Test
    void fp32AndAutoNeedNoNote() {
        for (CpuFeatures cpu : new CpuFeatures[] {ZEN3, ZEN4}) {
            assertThat(options("fp32", cpu).settings().precision()).isEqualTo(Precision.FP32);
            assertThat(options("fp32", cpu).notice()).isEmpty();
            assertThat(options(null, cpu).notice()).isEmpty();
            assertThat(options("auto", cpu).notice()).isEmpty();
        }
        assertThat(options("auto", ZEN3).settings().precision()).isEqualTo(Precision.FP32);
        assertThat(options("auto", ZEN4).settings().precision()).isEqualTo(Precision.BF16);
        assertThat(options(null, ZEN4).settings().precision()).isEqualTo(Precision.BF16);
    }

    @Test
    void anUnknownPrecisionIsTheUsersError() {
        assertThatThrownBy(() -> options("fp16", ZEN4).settings()).isInstanceOf(UserError.class)
                .hasMessage("--precision: unknown precision 'fp16' (use fp32, bf16 or auto)");
    }

    @Test
    void aChildProcessGetsTheSameSettings() {
        EngineOptions options = options("bf16", ZEN4);
        options.threads = 1;
        assertThat(options.asArguments()).containsExactly("--threads", "1", "--precision", "bf16");
    }
}
