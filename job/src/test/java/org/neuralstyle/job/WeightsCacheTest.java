package org.neuralstyle.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Networks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WeightsCacheTest {

    @TempDir
    Path temp;

    @Test
    void aFileIsReadOnceUntilItChangesAndOnlyTheTwoLatestAreKept() throws IOException {
        NetworkArchitecture squeezenet = Networks.byName("squeezenet");
        Path a = Files.writeString(temp.resolve("a.onnx"), "weights a");
        Path b = Files.writeString(temp.resolve("b.onnx"), "weights b");
        Path c = Files.writeString(temp.resolve("c.onnx"), "weights c");
        AtomicInteger reads = new AtomicInteger();
        WeightsCache cache = new WeightsCache();
        WeightsCache.Loader loader = () -> {
            reads.incrementAndGet();
            return NetworkWeights.random(squeezenet, reads.get());
        };
        NetworkWeights first = cache.load(squeezenet, a, null, loader);
        assertThat(cache.load(squeezenet, temp.resolve(".").resolve("a.onnx"), null, loader)).isSameAs(first);
        assertThat(reads).hasValue(1);
        assertThat(cache.load(squeezenet, a, "imagenet-std", loader)).isNotSameAs(first); // another convention
        assertThat(reads).hasValue(2);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() - 60_000));
        assertThat(cache.load(squeezenet, a, null, loader)).isNotSameAs(first); // the file was replaced
        assertThat(reads).hasValue(3);
        cache.load(squeezenet, b, null, loader);
        cache.load(squeezenet, c, null, loader);
        assertThat(reads).hasValue(5);
        cache.load(squeezenet, c, null, loader);
        cache.load(squeezenet, b, null, loader);
        assertThat(reads).hasValue(5); // b and c are the two kept
        cache.load(squeezenet, a, null, loader);
        assertThat(reads).hasValue(6);
    }
}
