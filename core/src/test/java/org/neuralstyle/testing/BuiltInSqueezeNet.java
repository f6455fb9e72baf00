package org.neuralstyle.testing;

import org.neuralstyle.models.BuiltInNetwork;
import org.neuralstyle.models.ModelCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The real SqueezeNet 1.1 that ships inside the program, unpacked for tests (no ../shared needed). */
public final class BuiltInSqueezeNet {

    private BuiltInSqueezeNet() {
    }

    public static Path file() {
        try {
            return BuiltInNetwork.file(new ModelCache(Path.of(System.getProperty("java.io.tmpdir"), "neural-style-test-cache")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
