package org.neuralstyle.testing;

import org.neuralstyle.network.InputNormalization;
import org.neuralstyle.network.Vgg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MatConvNet imagenet-vgg-verydeep-19.mat with random (He) weights in the real layout: 80 MB, written once
 * per test JVM and shared, since writing it takes a few seconds.
 */
public final class RandomVgg19File {

    private static Path file;

    private RandomVgg19File() {
    }

    public static synchronized Path get() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("neural-style-vgg19");
                Path f = dir.resolve("imagenet-vgg-verydeep-19.mat");
                MatConvNetFiles.write(TestNetworks.randomWeights(Vgg.vgg19(), 19),
                        InputNormalization.IMAGENET_MEAN_RGB, f);
                f.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
