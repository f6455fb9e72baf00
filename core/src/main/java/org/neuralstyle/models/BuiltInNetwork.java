package org.neuralstyle.models;

import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SqueezeNet 1.1 shipped inside the program (the ONNX model zoo's weights, Apache-2.0; origin and licence in
 * {@code NOTICE-squeezenet1.1.txt} beside it), so that the first run paints on a machine that cannot download
 * VGG-19. It is unpacked into the cache once and then read like any weights file the user names.
 */
public final class BuiltInNetwork {

    /** The network name it is used under ({@code --network squeezenet}). */
    public static final String NETWORK = "squeezenet";
    public static final String FILE_NAME = "squeezenet1.1.onnx";
    public static final String DESCRIPTION = "SqueezeNet 1.1, ONNX model zoo (Apache-2.0), built into the program";
    public static final Checksum CHECKSUM =
            new Checksum("SHA-256", "15dc78baca115caf94f8204fce205a0521724c931f602e73ced8d22ef4495731");
    static final long SIZE = 4_954_892;
    private static final String RESOURCE = FILE_NAME;

    private BuiltInNetwork() {
    }

    /**
     * The built-in file on disk: in the cache's {@code builtin/} folder, unpacked (atomically, checked against its
     * checksum) when absent or not the shipped file; in the temporary folder where the cache cannot be written.
     */
    public static Path file(ModelCache cache) throws IOException {
        Path inCache = cache.directory().resolve("builtin").resolve(FILE_NAME);
        try {
            return unpacked(inCache);
        } catch (IOException cacheNotWritable) {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"), "neural-style-builtin", FILE_NAME);
            return unpacked(temporary);
        }
    }

    private static Path unpacked(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == SIZE && CHECKSUM.matches(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> {
            try (InputStream in = BuiltInNetwork.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("the built-in " + FILE_NAME + " is missing from the program (a broken build)");
                }
                in.transferTo(out);
            }
        });
        if (!CHECKSUM.matches(file)) {
            Files.deleteIfExists(file);
            throw new IOException("the built-in " + FILE_NAME + " in the program is damaged (a broken build)");
        }
        return file;
    }
}
