package org.neuralstyle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Formats users have and damage they meet. The WebP files in resources were made by libwebp's own encoder
 * (cwebp 1.2.4, Debian's webp package) from gradient.png beside them: lossless must decode to exactly its
 * pixels, lossy close to them.
 */
class ImageDecodingTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ImageDecodingTest.class.getResource("/images/" + name).toURI());
    }

    @Test
    void webpFromLibwebpReadsLikeThePngItWasMadeFrom() throws Exception {
        RgbImage png = ImageFiles.read(resource("gradient.png"));
        RgbImage lossless = ImageFiles.read(resource("gradient-lossless.webp"));
        assertThat(lossless.width()).isEqualTo(24);
        assertThat(lossless.height()).isEqualTo(16);
        assertThat(lossless.pixels()).containsExactly(png.pixels());
        RgbImage lossy = ImageFiles.read(resource("gradient-lossy.webp"));
        assertThat(lossy.meanAbsoluteDifference(png)).isLessThan(6);
    }

    @Test
    void aTruncatedJpegDecodesWithItsDamageReported() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.media("content/china.jpg"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 4));
        DecodedImage decoded = ImageFiles.decode(cut);
        assertThat(decoded.damaged()).isTrue();
        assertThat(String.join(" ", decoded.damage()).toLowerCase()).contains("premature end");
        assertThat(ImageFiles.decode(SharedData.media("content/china.jpg")).damaged()).isFalse();
    }

    @Test
    void aTruncatedPngThatCannotBeDecodedIsAnErrorNamingTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.media("content/chelsea.png"));
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 4));
        assertThatThrownBy(() -> ImageFiles.decode(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("cut.png").hasMessageContaining("damaged or truncated");
    }

    @Test
    void aHeicPhotoIsRefusedWithWhatToDoInstead() throws IOException {
        // The first box of an iPhone photo: size, 'ftyp', brand 'heic' (ISO/IEC 23008-12), then the rest.
        Path heic = dir.resolve("IMG_0001.HEIC");
        byte[] bytes = new byte[64];
        byte[] box = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
        System.arraycopy(box, 0, bytes, 0, box.length);
        Files.write(heic, bytes);
        assertThatThrownBy(() -> ImageFiles.decode(heic)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("IMG_0001.HEIC").hasMessageContaining("HEIC/HEIF").hasMessageContaining("convert");
    }

    @Test
    void sizesBeyondOneArrayAreRefusedWithTheSizeNotANegativeArray() {
        RgbImage small = RgbImage.filled(4, 3, 1, 2, 3);
        assertThatThrownBy(() -> Resampling.resize(small, 40000, 30000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40000x30000").hasMessageContaining("too large");
        assertThatThrownBy(() -> Resampling.toWidth(small, 2_000_000_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }
}
