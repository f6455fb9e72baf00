package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ColorTransfer;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.OkLab;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** --colors with the real SqueezeNet: the result takes the photo's colours, and the painting's strokes. */
class ColorControlTest {

    @TempDir
    Path dir;

    private RgbImage paint(String colors, String... options) throws IOException {
        Path output = dir.resolve(colors + ".png");
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("--network", "squeezenet",
                "--weights", BuiltInSqueezeNet.file().toString(),
                "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(),
                "--output", output.toString(), "--width", "256", "--iterations", "150", "--colors", colors));
        words.addAll(java.util.List.of(options));
        CliRun run = CliRun.of(words.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ImageFiles.read(output);
    }

    private static RgbImage photoAt(RgbImage size) throws IOException {
        return Resampling.resize(ImageFiles.read(SharedData.media("content/chelsea.png")), size.width(), size.height());
    }

    @Test
    void histogramMatchingKeepsThePhotosMeanColourAndCovariance() throws IOException {
        RgbImage result = paint("content-histogram");
        RgbImage photo = photoAt(result);
        ColorTransfer.Moments got = ColorTransfer.Moments.of(result);
        ColorTransfer.Moments want = ColorTransfer.Moments.of(photo);
        for (int a = 0; a < 3; a++) {
            assertThat(got.mean()[a]).isCloseTo(want.mean()[a], within(0.1 * want.mean()[a]));
            for (int b = 0; b < 3; b++) {
                assertThat(got.covariance()[a][b]).isCloseTo(want.covariance()[a][b],
                        within(0.1 * Math.abs(want.covariance()[a][b])));
            }
        }
        assertThat(result.meanAbsoluteDifference(photo)).as("the strokes changed the picture").isGreaterThan(5);
    }

    @Test
    void luminanceOnlyTransferKeepsThePhotosChroma() throws IOException {
        RgbImage result = paint("content-luminance");
        RgbImage photo = photoAt(result);
        double cbError = 0;
        double crError = 0;
        float[] r = result.pixels();
        float[] p = photo.pixels();
        int clamped = 0;
        for (int i = 0; i < r.length; i += 3) {
            if (Math.min(r[i], Math.min(r[i + 1], r[i + 2])) <= 0 || Math.max(r[i], Math.max(r[i + 1], r[i + 2])) >= 255) {
                clamped++; // a joined pixel outside the RGB cube is clamped, and its chroma with it
                continue;
            }
            cbError += Math.abs(cb(r, i) - cb(p, i));
            crError += Math.abs(cr(r, i) - cr(p, i));
        }
        int n = r.length / 3 - clamped;
        assertThat(clamped).isLessThan(r.length / 3 / 20);
        // Equal up to the 8-bit rounding of the saved file.
        assertThat(cbError / n).isLessThan(1.0);
        assertThat(crError / n).isLessThan(1.0);
        assertThat(result.meanAbsoluteDifference(photo)).isGreaterThan(5);
    }

    /**
     * The palette (neural neighbour style's colour step) with neural neighbours: the picture's chroma has the
     * painting's mean and spread (in Oklab, after sRGB's gamut), laid out as the photo's chroma is (a and b each
     * correlated with the photo's), under painted strokes (the lightness no longer the photo's).
     */
    @Test
    void thePaletteLaysThePhotosColoursInThePaintingsPaletteUnderTheStrokes() throws IOException {
        RgbImage result = paint("palette", "--style-loss", "neighbours");
        RgbImage photo = photoAt(result);
        RgbImage painting = ImageFiles.read(SharedData.media("style/starry_night.jpg"));
        double[] got = OkLab.of(result);
        double[] want = OkLab.of(painting);
        double[] source = OkLab.of(photo);
        for (int c = 1; c < 3; c++) {
            assertThat(mean(got, c)).as("chroma mean " + c).isCloseTo(mean(want, c), within(0.01));
            assertThat(deviation(got, c)).as("chroma spread " + c).isCloseTo(deviation(want, c),
                    within(0.25 * deviation(want, c)));
            assertThat(correlation(got, source, c)).as("laid out as the photo's, " + c).isGreaterThan(0.6);
        }
        assertThat(correlation(got, source, 0)).as("painted lightness").isLessThan(0.95);
        assertThat(result.meanAbsoluteDifference(photo)).isGreaterThan(5);
    }

    private static double mean(double[] lab, int c) {
        double sum = 0;
        for (int i = c; i < lab.length; i += 3) {
            sum += lab[i];
        }
        return sum / (lab.length / 3);
    }

    private static double deviation(double[] lab, int c) {
        return Math.sqrt(covariance(lab, lab, c));
    }

    private static double covariance(double[] x, double[] y, int c) {
        double mx = mean(x, c);
        double my = mean(y, c);
        double sum = 0;
        for (int i = c; i < x.length; i += 3) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length / 3);
    }

    private static double correlation(double[] x, double[] y, int c) {
        return covariance(x, y, c) / (deviation(x, c) * deviation(y, c));
    }

    private static double cb(float[] px, int i) {
        return -0.168736 * px[i] - 0.331264 * px[i + 1] + 0.5 * px[i + 2];
    }

    private static double cr(float[] px, int i) {
        return 0.5 * px[i] - 0.418688 * px[i + 1] - 0.081312 * px[i + 2];
    }
}
