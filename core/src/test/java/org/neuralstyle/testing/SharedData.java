package org.neuralstyle.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test data (../shared beside the checkout: real photos, paintings, models).
 * Tests that need it skip with a visible reason when it is absent, and fail instead in CI, where
 * {@code -Dneuralstyle.requireShared=true} (set by .ci/run) makes it mandatory.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("neuralstyle.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("media"))) {
            String reason = "shared test data not found at " + root + " (clone the project beside ../shared)";
            if (Boolean.getBoolean("neuralstyle.requireShared") || "true".equals(System.getenv("CI"))) {
                Assertions.fail(reason + "; it is mandatory in CI");
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return root;
    }

    public static Path media(String relative) {
        Path file = root().resolve("media").resolve(relative);
        Assertions.assertTrue(Files.isRegularFile(file), "missing shared file " + file);
        return file;
    }
}
