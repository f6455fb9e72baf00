package org.neuralstyle.job;

import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Weights read once for the many runs of one process (a batch's jobs, the studio's): reading VGG-19's 534 MB
 * MatConvNet file takes seconds, and a batch runs the same network again and again. Keyed by the file (path, size,
 * modification time, so a replaced file is read again), the network and the input convention; the two most
 * recently used are kept. The weights are plain arrays no run changes, so runs can share them.
 */
public final class WeightsCache {

    static final int ENTRIES = 2;

    @FunctionalInterface
    public interface Loader {
        NetworkWeights load() throws IOException;
    }

    private record Key(Path file, long size, FileTime modified, String network, Object convention) {
    }

    private final LinkedHashMap<Key, NetworkWeights> loaded = new LinkedHashMap<>(4, 0.75f, true);

    public synchronized NetworkWeights load(NetworkArchitecture architecture, Path file, Object convention, Loader loader)
            throws IOException {
        Key key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file),
                architecture.name(), convention);
        NetworkWeights weights = loaded.get(key);
        if (weights == null) {
            weights = loader.load();
            loaded.put(key, weights);
            for (Iterator<Key> oldest = loaded.keySet().iterator(); loaded.size() > ENTRIES; ) {
                oldest.next();
                oldest.remove();
            }
        }
        return weights;
    }
}
