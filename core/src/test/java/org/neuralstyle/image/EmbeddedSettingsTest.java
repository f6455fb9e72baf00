package org.neuralstyle.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings a picture carries survive writing and reading in each format that has room for text. */
class EmbeddedSettingsTest {

    @TempDir
    Path dir;

    private static final String SETTINGS = "neural-style 0.1.0\ncommand: neural-style --content 'Åsa\\photo.jpg' "
            + "--styles painting.jpg --seed 7\ncontent: Åsa\\photo.jpg sha256:00ff";

    private static RgbImage picture() {
        float[] px = new float[8 * 6 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) % 256;
        }
        return new RgbImage(8, 6, px);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "tif"})
    void aPictureCarriesItsSettingsThroughWritingAndReading(String extension) throws Exception {
        Path file = dir.resolve("out." + extension);
        ImageFiles.write(picture(), null, file, ImageEncoding.DEFAULT.withSettings(SETTINGS));
        assertThat(EmbeddedSettings.read(file)).contains(SETTINGS);
        assertThat(ImageFiles.read(file).width()).isEqualTo(8);
    }

    /** Where the text sits in the bytes, as the formats define it: a PNG iTXt chunk, a JPEG COM segment (FF FE). */
    @Test
    void theTextSitsInEachFormatsOwnPlace() throws Exception {
        Path png = dir.resolve("a.png");
        ImageFiles.write(picture(), null, png, ImageEncoding.DEFAULT.withSettings("x"));
        String pngBytes = new String(Files.readAllBytes(png), StandardCharsets.ISO_8859_1);
        assertThat(pngBytes).contains("iTXtneural-style\0");

        Path jpg = dir.resolve("a.jpg");
        ImageFiles.write(picture(), null, jpg, ImageEncoding.DEFAULT.withSettings("x"));
        String jpgBytes = new String(Files.readAllBytes(jpg), StandardCharsets.ISO_8859_1);
        assertThat(jpgBytes).contains("\u00ff\u00fe\0\u0011neural-style:\nx");
    }

    @Test
    void aPictureWithoutSettingsCarriesNone() throws Exception {
        for (String extension : new String[] {"png", "jpg", "tif"}) {
            Path file = dir.resolve("plain." + extension);
            ImageFiles.write(picture(), file);
            assertThat(EmbeddedSettings.read(file)).as(extension).isEmpty();
        }
    }

    @Test
    void escapesRoundTrip() {
        String text = "a\\u0041 b\\\\ Å ü 日本\t\n";
        assertThat(EmbeddedSettings.ascii(text)).matches("\\p{ASCII}*");
        assertThat(EmbeddedSettings.unescape(EmbeddedSettings.ascii(text))).isEqualTo(text);
    }
}
