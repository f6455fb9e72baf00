package org.neuralstyle.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the processor offers, as the Linux kernel reports it in /proc/cpuinfo (the JVM has no CPUID call). On
 * other systems nothing is known, and nothing is assumed.
 */
public record CpuFeatures(Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public CpuFeatures {
        flags = Set.copyOf(flags);
    }

    /** This machine's features; none where /proc/cpuinfo cannot be read. */
    public static CpuFeatures ofThisMachine() {
        try {
            return parse(Files.readString(CPUINFO));
        } catch (IOException | SecurityException e) {
            return new CpuFeatures(Set.of());
        }
    }

    /** The flags of the first processor listed in a /proc/cpuinfo text. */
    public static CpuFeatures parse(String cpuinfo) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith("flags"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .map(list -> new CpuFeatures(Arrays.stream(list.split("\\s+")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet())))
                .orElse(new CpuFeatures(Set.of()));
    }

    /** bfloat16 arithmetic in hardware: AVX512_BF16 (Cooper Lake, Zen 4 and later) or AMX-BF16 (Sapphire Rapids). */
    public boolean hasBf16() {
        return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
    }
}
