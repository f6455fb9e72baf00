package org.neuralstyle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding an image much larger than it will be used: averaged down as it is decoded, in bounded memory. */
class ReducedDecodingTest {

    @TempDir
    Path dir;

    /** A 1-pixel black and white checkerboard: what keeping every n-th pixel turns into a flat black or white. */
    private static BufferedImage checkerboard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
            }
        }
        return image;
    }

    @Test
    void aLargeImageIsAveragedDownNotSubsampled() throws IOException {
        // 4098 x 1026 for a long side of 512: averaged over 4 x 4 blocks (4098 / 1024 = 4), the last column and row
        // of blocks over the 2 pixels left: 1025 x 257, nothing cut.
        Path file = dir.resolve("board.png");
        ImageIO.write(checkerboard(4098, 1026), "png", file.toFile());
        RgbImage reduced = ImageFiles.decode(file, 512).image();
        assertThat(reduced.width()).isEqualTo(1025);
        assertThat(reduced.height()).isEqualTo(257);
        float[] px = reduced.pixels();
        for (float v : px) {
            assertThat(v).isBetween(127f, 128f); // every block half white: grey, not black or white
        }
        // At or below twice the size used, the image is decoded as it is.
        assertThat(ImageFiles.decode(file, 2049).image().width()).isEqualTo(4098);
        assertThat(ImageFiles.decode(file, 0).image().width()).isEqualTo(4098);
    }

    @Test
    void aReducedImageKeepsTheColoursAndTheShape() throws IOException {
        BufferedImage image = new BufferedImage(1500, 900, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 1500; x++) {
                image.setRGB(x, y, x < 750 ? 0xc03010 : 0x1040d0); // orange left, blue right
            }
        }
        Path file = dir.resolve("halves.png");
        ImageIO.write(image, "png", file.toFile());
        RgbImage reduced = ImageFiles.decode(file, 250).image(); // 1500 / 500: thirds
        assertThat(reduced.width()).isEqualTo(500);
        assertThat(reduced.height()).isEqualTo(300);
        assertThat(reduced.pixels()[0]).isEqualTo(0xc0);
        assertThat(reduced.pixels()[(10 * 500 + 499) * 3 + 2]).isEqualTo(0xd0);
    }

    /**
     * The largest image the studio accepts (25 megapixels) is checked in a JVM with a 192 MB heap: averaged down as
     * it is decoded it fits (the decoder's 4 bytes a pixel, 100 MB); decoded whole into floats (12 bytes a pixel
     * more) it does not.
     */
    @Test
    void theLargestAcceptedImageDecodesWithinAStatedMemory() throws Exception {
        Path file = dir.resolve("large.png");
        BufferedImage image = new BufferedImage(5000, 5000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5000; y++) {
            for (int x = 0; x < 5000; x++) {
                image.setRGB(x, y, (x * 7 + y * 3) & 0xff);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        image = null;
        assertThat(decodeIn("192m", file, 256)).as("averaged down").isEqualTo("556x556"); // 5000 / 512: ninths
        assertThat(decodeIn("192m", file, 0)).as("whole, as floats").contains("OutOfMemoryError");
    }

    private static String decodeIn(String heap, Path file, int longSide) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), DecodeOnce.class.getName(), file.toString(),
                String.valueOf(longSide)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** Decodes one file and prints its decoded size, or the error. */
    public static final class DecodeOnce {
        public static void main(String[] args) {
            try {
                RgbImage image = ImageFiles.decode(Path.of(args[0]), Integer.parseInt(args[1])).image();
                System.out.println(image.width() + "x" + image.height());
            } catch (Throwable e) {
                System.out.println(e);
            }
        }
    }
}
