package org.neuralstyle.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python with h5py (Debian's python3-h5py), to write fixtures with the library Keras itself writes its files
 * with. Tests that need it skip with a visible reason where it is missing, and fail in CI, whose .ci/run
 * installs it.
 */
public final class PythonH5py {

    private PythonH5py() {
    }

    /** Runs a Python script with arguments; fails the test if it does not succeed. */
    public static void run(Path script, String... args) throws IOException, InterruptedException {
        String python = find();
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        Assertions.assertEquals(0, p.exitValue(), "python " + script + " failed: " + output);
    }

    private static String find() throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(python, "-c", "import h5py").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException notThere) {
                // try the next
            }
        }
        String reason = "no python3 with h5py (apt-get install python3-h5py)";
        if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("neuralstyle.requireShared")) {
            Assertions.fail(reason + "; it is mandatory in CI");
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        return null;
    }
}
