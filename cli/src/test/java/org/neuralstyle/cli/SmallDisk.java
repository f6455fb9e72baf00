package org.neuralstyle.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small or read-only file system for a test: a tmpfs mounted on a folder ({@code mount -t tmpfs -o
 * size=100k}). Mounting needs root, as CI runs; elsewhere the test is skipped with the reason, and in CI that
 * is a failure.
 */
final class SmallDisk implements AutoCloseable {

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    static SmallDisk mount(Path folder, String options) throws IOException, InterruptedException {
        String output = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString()));
        if (output != null) {
            String reason = "cannot mount a tmpfs (needs root): " + output.trim();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason + "; it is mandatory in CI");
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return new SmallDisk(folder);
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", folder.toString()));
    }

    /** Null on success, else what the command printed. */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : out + " (exit " + p.exitValue() + ")";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
