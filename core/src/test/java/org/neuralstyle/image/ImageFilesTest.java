package org.neuralstyle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void pngRoundTripsExactlyAndLeavesNoTemporaryFile() throws IOException {
        float[] px = new float[4 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) % 256;
        }
        RgbImage image = new RgbImage(4, 3, px);
        Path file = dir.resolve("x.png");
        ImageFiles.write(image, file);
        assertThat(ImageFiles.read(file)).isEqualTo(image);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
        // Readable by others as any new file is (temporary files are owner-only by default).
        assertThat(Files.getPosixFilePermissions(file)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void writingClampsToTheDisplayableRange() throws IOException {
        Path file = dir.resolve("c.png");
        ImageFiles.write(new RgbImage(1, 1, new float[] {-20, 300, 127.6f}), file);
        assertThat(ImageFiles.read(file).pixels()).containsExactly(0, 255, 128);
    }

    @Test
    void readsRealPhotosAndPaintings() throws IOException {
        RgbImage cat = ImageFiles.read(SharedData.media("content/chelsea.png"));
        assertThat(cat.width()).isEqualTo(451);
        assertThat(cat.height()).isEqualTo(300);
        RgbImage starry = ImageFiles.read(SharedData.media("style/starry_night.jpg"));
        assertThat(starry.width()).isEqualTo(1024);
        assertThat(starry.height()).isEqualTo(640);
    }

    @Test
    void errorsNameTheFile() throws IOException {
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("none.png")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("none.png");
        Path text = dir.resolve("t.png");
        Files.writeString(text, "text");
        assertThatThrownBy(() -> ImageFiles.read(text)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("t.png").hasMessageContaining("not an image");
        assertThatThrownBy(() -> ImageFiles.write(RgbImage.filled(1, 1, 0, 0, 0), dir.resolve("x.tga")))
                .hasMessageContaining("unsupported output extension 'tga'");
        assertThatThrownBy(() -> ImageFiles.write(RgbImage.filled(1, 1, 0, 0, 0), dir.resolve("no/x.png")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void exifOrientationsTurnStoredPixelsUpright() {
        // stored 2x1: [A B]; orientation 6 (rotate 90 clockwise to view) gives a 1x2 column [A; B]
        RgbImage stored = new RgbImage(2, 1, new float[] {1, 1, 1, 2, 2, 2});
        RgbImage rotated = Orientation.apply(stored, 6);
        assertThat(rotated.width()).isEqualTo(1);
        assertThat(rotated.height()).isEqualTo(2);
        assertThat(rotated.get(0, 0, 0)).isEqualTo(1);
        assertThat(rotated.get(0, 1, 0)).isEqualTo(2);
        // orientation 3 is a half turn, 2 a mirror: both give [B A] for a single row
        assertThat(Orientation.apply(stored, 3).pixels()).containsExactly(2, 2, 2, 1, 1, 1);
        assertThat(Orientation.apply(stored, 2).pixels()).containsExactly(2, 2, 2, 1, 1, 1);
        assertThat(Orientation.apply(stored, 1)).isSameAs(stored);
    }
}
