package org.neuralstyle.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** This process's peak resident memory (Java heap, TensorFlow's native buffers and all), from Linux's /proc. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmHWM, the high-water mark of resident memory, in bytes; empty where /proc is not there. */
    public static OptionalLong peakResidentBytes() {
        return parseHighWaterMark(Path.of("/proc/self/status"));
    }

    static OptionalLong parseHighWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
