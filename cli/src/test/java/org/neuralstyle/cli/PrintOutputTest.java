package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.testing.RandomVgg19File;
import org.neuralstyle.testing.SharedData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The output for print from the command line: 16 bits, TIFF, JPEG quality, the content's transparency kept. */
class PrintOutputTest {

    @TempDir
    Path dir;

    private CliRun stylize(Path content, Path output, String... more) {
        return CliRun.withOverrides(List.of("--content", content.toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--output", output.toString(),
                "--weights", RandomVgg19File.get().toString(), "--width", "48", "--iterations", "3",
                "--seed", "1"), more);
    }

    /** A photo with a transparent left half fading in, as a cut-out product shot or a logo has. */
    private Path cutOut() throws IOException {
        BufferedImage photo = ImageIO.read(SharedData.media("content/chelsea.png").toFile());
        int w = 96;
        int h = 64;
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = Math.min(255, x * 255 / (w / 2));
                argb.setRGB(x, y, (alpha << 24) | (photo.getRGB(x * 4, y * 4) & 0xffffff));
            }
        }
        Path file = dir.resolve("cutout.png");
        ImageIO.write(argb, "png", file.toFile());
        return file;
    }

    @Test
    void sixteenBitTiffKeepsTheContentsTransparency() throws IOException {
        Path content = cutOut();
        Path output = dir.resolve("print.tif");
        CliRun run = stylize(content, output, "--bit-depth", "16");
        assertThat(run.exitCode()).as(run.err()).isZero();

        BufferedImage written = ImageIO.read(output.toFile());
        assertThat(written.getRaster().getDataBuffer().getDataType()).isEqualTo(DataBuffer.TYPE_USHORT);
        assertThat(written.getColorModel().hasAlpha()).isTrue();
        DecodedImage back = ImageFiles.decode(output);
        DecodedImage original = ImageFiles.decode(content);
        assertThat(back.image().width()).isEqualTo(48);
        // The content's alpha, halved in size like the picture: transparent at the left, opaque from the middle.
        float[] alpha = back.alpha();
        assertThat(alpha[10 * 48]).isCloseTo(original.alpha()[20 * 96 + 1], within(0.05f));
        assertThat(alpha[10 * 48 + 40]).isEqualTo(1f);
        assertThat(alpha[10 * 48 + 12]).isCloseTo(0.5f, within(0.1f));
    }

    @Test
    void aJpegOutputOfATransparentContentSaysItCannotKeepIt() throws IOException {
        Path output = dir.resolve("out.jpg");
        CliRun run = stylize(cutOut(), output, "--jpeg-quality", "80");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("has transparent parts").contains(".png and .tif can");
        assertThat(ImageFiles.read(output).width()).isEqualTo(48);
    }

    @Test
    void sixteenBitsForAJpegOrABadQualityIsRefusedBeforeAnyWork() throws IOException {
        Path content = cutOut();
        Path jpg = dir.resolve("out.jpg");
        CliRun deep = stylize(content, jpg, "--bit-depth", "16");
        assertThat(deep.exitCode()).isNotZero();
        assertThat(deep.err().strip()).isEqualTo("neural-style: --bit-depth 16: --output " + jpg
                + " holds 8 bits per channel; use .png or .tif");
        assertThat(deep.out()).doesNotContain("iteration");
        CliRun quality = stylize(content, jpg, "--jpeg-quality", "0");
        assertThat(quality.exitCode()).isNotZero();
        assertThat(quality.err()).contains("--jpeg-quality: must be 1 to 100, got 0");
        CliRun depth = stylize(content, dir.resolve("out.png"), "--bit-depth", "12");
        assertThat(depth.err()).contains("--bit-depth: must be 8 or 16, got 12");
        assertThat(Files.exists(jpg)).isFalse();
    }
}
