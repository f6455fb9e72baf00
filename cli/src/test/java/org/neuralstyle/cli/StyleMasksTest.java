package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --style-masks with the real SqueezeNet on a real photo: Starry Night (blues) in the left third, The Scream (oranges)
 * in the right third, nothing in the middle. Each painted third moves towards its painting's colour, further than
 * the same two styles blended over the whole picture; the middle stays the photo.
 */
class StyleMasksTest {

    private static final int WIDTH = 256;

    @TempDir
    Path dir;

    /** A mask of the photo's shape, white in columns [from, to) of thirds. */
    private Path mask(String name, int fromThird, int toThird) throws IOException {
        int w = 300;
        int h = 200;
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = fromThird * w / 3; x < toThird * w / 3; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = 255;
                }
            }
        }
        Path file = dir.resolve(name);
        ImageFiles.write(new RgbImage(w, h, px), file);
        return file;
    }

    private RgbImage paint(String name, String... extra) throws IOException {
        Path output = dir.resolve(name + ".png");
        List<String> args = new ArrayList<>(List.of("--network", "squeezenet", "--weights", BuiltInSqueezeNet.file().toString(),
                "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(),
                SharedData.media("style/the_scream.jpg").toString(),
                "--output", output.toString(), "--width", String.valueOf(WIDTH), "--iterations", "200", "--seed", "3"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ImageFiles.read(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gram", "neighbours"})
    void eachStyleIsPaintedInItsOwnRegionAndTheRestStaysThePhoto(String styleLoss) throws IOException {
        Path left = mask("left.png", 0, 1);
        Path right = mask("right.png", 2, 3);
        RgbImage masked = paint("masked", "--style-masks", left + "," + right, "--style-loss", styleLoss);
        RgbImage blended = paint("blended", "--style-loss", styleLoss);
        RgbImage photo = Resampling.resize(ImageFiles.read(SharedData.media("content/chelsea.png")), masked.width(),
                masked.height());
        double[] starry = mean(ImageFiles.read(SharedData.media("style/starry_night.jpg")), 0, 1);
        double[] scream = mean(ImageFiles.read(SharedData.media("style/the_scream.jpg")), 0, 1);
        int w = masked.width();
        // The outer sixths, well inside each painted third (away from the edges a style layer's field reaches over):
        // how much closer its mean colour is to its own painting's than to the other's. Stylizing moves colours in
        // ways of its own (brighter, more saturated), so the measure is the preference between the two paintings.
        double leftMasked = preference(mean(masked, 0, 1.0 / 6), starry, scream);
        double leftBlended = preference(mean(blended, 0, 1.0 / 6), starry, scream);
        double leftPhoto = preference(mean(photo, 0, 1.0 / 6), starry, scream);
        double rightMasked = preference(mean(masked, 5.0 / 6, 1), scream, starry);
        double rightBlended = preference(mean(blended, 5.0 / 6, 1), scream, starry);
        double rightPhoto = preference(mean(photo, 5.0 / 6, 1), scream, starry);
        System.out.printf("left, nearer Starry Night than The Scream by: photo %.1f, blend %.1f, masked %.1f; right, "
                + "nearer The Scream by: photo %.1f, blend %.1f, masked %.1f%n", leftPhoto, leftBlended, leftMasked,
                rightPhoto, rightBlended, rightMasked);
        // (The cat's fur on the right is already nearer The Scream's browns than the photo's left is to Starry Night.)
        assertThat(leftMasked).as("left third towards Starry Night").isGreaterThan(leftBlended).isGreaterThan(leftPhoto);
        assertThat(rightMasked).as("right third towards The Scream").isGreaterThan(rightBlended + 10);

        // The middle (its central fifth of the picture, 40% to 60%): the photo's colour and edges.
        int from = (int) (0.4 * w);
        int to = (int) (0.6 * w);
        double difference = meanAbsoluteDifference(masked, photo, from, to);
        double edges = edgeCorrelation(masked, photo, from, to);
        System.out.printf("uncovered middle: %.2f levels from the photo, edge correlation %.3f (blend: %.2f, %.3f)%n",
                difference, edges, meanAbsoluteDifference(blended, photo, from, to),
                edgeCorrelation(blended, photo, from, to));
        assertThat(difference).as("levels from the photo").isLessThan(2);
        assertThat(edges).as("edge correlation with the photo").isGreaterThan(0.98);
    }

    @Test
    void masksAreCheckedBeforeTheWork() throws IOException {
        Path left = mask("left.png", 0, 1);
        CliRun one = CliRun.of("--network", "squeezenet", "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(),
                SharedData.media("style/the_scream.jpg").toString(), "--style-masks", left.toString(),
                "--output", dir.resolve("x.png").toString());
        assertThat(one.exitCode()).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        assertThat(one.err().strip()).isEqualTo("neural-style: --style-masks has 1 files for 2 style image(s)");
        CliRun w2 = CliRun.of("--network", "squeezenet", "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--style-masks", left.toString(),
                "--style-loss", "wasserstein", "--output", dir.resolve("x.png").toString());
        assertThat(w2.err().strip()).isEqualTo("neural-style: --style-masks needs --style-loss gram or neighbours (not "
                + "wasserstein)");
        Path black = mask("black.png", 0, 0);
        CliRun nothing = CliRun.of("--network", "squeezenet", "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--style-image-masks", black.toString(),
                "--output", dir.resolve("x.png").toString());
        assertThat(nothing.exitCode()).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        assertThat(nothing.err().strip()).isEqualTo("neural-style: --style-image-masks " + black + ": the mask is black "
                + "everywhere, so nothing of starry_night.jpg would be learnt (white: learn from here)");
        CliRun twoForOne = CliRun.of("--network", "squeezenet", "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--style-image-masks",
                left + "," + left, "--output", dir.resolve("x.png").toString());
        assertThat(twoForOne.err().strip()).isEqualTo("neural-style: --style-image-masks has 2 files for 1 style image(s)");
        CliRun missing = CliRun.of("--network", "squeezenet", "--content", SharedData.media("content/chelsea.png").toString(),
                "--styles", SharedData.media("style/starry_night.jpg").toString(), "--style-masks",
                dir.resolve("nowhere.png").toString(), "--output", dir.resolve("x.png").toString());
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        assertThat(missing.err().strip()).startsWith("neural-style: ").contains("nowhere.png").doesNotContain("\n");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    /**
     * --regions-from places the styles by the photo: its regions are written beside the output as masks, and given
     * back with --style-masks they paint the same picture.
     */
    @Test
    void regionsFromThePhotoAreWrittenAsMasksThatPaintTheSamePicture() throws IOException {
        List<String> job = new ArrayList<>(List.of("--network", "squeezenet", "--content",
                SharedData.media("content/china.jpg").toString(), "--styles", SharedData.media("style/starry_night.jpg").toString(),
                SharedData.media("style/turner_shipwreck.jpg").toString(), "--width", "96", "--iterations", "20",
                "--seed", "5", "--output", dir.resolve("found.png").toString()));
        CliRun found = CliRun.of(concat(job, "--regions-from", "luminance:0.55"));
        assertThat(found.exitCode()).as(found.err()).isZero();
        Path bright = dir.resolve("found.region-1.png");
        Path dark = dir.resolve("found.region-2.png");
        assertThat(found.err()).contains("the styles' regions are in " + bright + ", " + dark);
        RgbImage sky = ImageFiles.read(bright);
        RgbImage rest = ImageFiles.read(dark);
        assertThat(sky.width()).isEqualTo(96);
        // The sky at the top is bright, the trees at the bottom left dark; the two regions cover each pixel once.
        assertThat(sky.pixels()[(2 * 96 + 80) * 3]).isEqualTo(255);
        assertThat(sky.pixels()[((sky.height() - 3) * 96 + 3) * 3]).isZero();
        for (int i = 0; i < sky.pixels().length; i++) {
            assertThat(sky.pixels()[i] + rest.pixels()[i]).isEqualTo(255);
        }
        job.set(job.size() - 1, dir.resolve("given.png").toString());
        CliRun given = CliRun.of(concat(job, "--style-masks", bright + "," + dark));
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(ImageFiles.read(dir.resolve("given.png")).meanAbsoluteDifference(ImageFiles.read(dir.resolve("found.png"))))
                .isLessThan(0.01);

        job.set(job.size() - 1, dir.resolve("refused.png").toString());
        CliRun both = CliRun.of(concat(job, "--style-masks", bright + "," + dark, "--regions-from", "colours"));
        assertThat(both.err().strip()).isEqualTo("neural-style: --regions-from and --style-masks both place the styles: "
                + "give one of them");
        CliRun bad = CliRun.of(concat(job, "--regions-from", "luminance:bright"));
        assertThat(bad.err().strip()).isEqualTo("neural-style: --regions-from luminance:T: T is a luminance from 0 to 1, "
                + "got 'bright'");
    }

    private static String[] concat(List<String> job, String... more) {
        List<String> all = new ArrayList<>(job);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Mean RGB over the columns from a to b (fractions of the width). */
    private static double[] mean(RgbImage image, double a, double b) {
        int from = (int) (a * image.width());
        int to = (int) (b * image.width());
        double[] sum = new double[3];
        float[] px = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = from; x < to; x++) {
                for (int c = 0; c < 3; c++) {
                    sum[c] += px[(y * image.width() + x) * 3 + c];
                }
            }
        }
        double n = (double) (to - from) * image.height();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** How much nearer colour c is to a than to b (RGB distances). */
    private static double preference(double[] c, double[] a, double[] b) {
        return distance(c, b) - distance(c, a);
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static double meanAbsoluteDifference(RgbImage a, RgbImage b, int from, int to) {
        double sum = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int i = (y * a.width() + from) * 3; i < (y * a.width() + to) * 3; i++) {
                sum += Math.abs(a.pixels()[i] - b.pixels()[i]);
            }
        }
        return sum / ((double) (to - from) * a.height() * 3);
    }

    /** Correlation of the luminance gradient magnitudes of two images over columns [from, to). */
    private static double edgeCorrelation(RgbImage a, RgbImage b, int from, int to) {
        List<double[]> pairs = new ArrayList<>();
        for (int y = 1; y < a.height() - 1; y++) {
            for (int x = Math.max(1, from); x < Math.min(a.width() - 1, to); x++) {
                pairs.add(new double[] {gradient(a, x, y), gradient(b, x, y)});
            }
        }
        double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (double[] p : pairs) {
            cov += (p[0] - ma) * (p[1] - mb);
            va += (p[0] - ma) * (p[0] - ma);
            vb += (p[1] - mb) * (p[1] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    private static double gradient(RgbImage image, int x, int y) {
        double gx = luminance(image, x + 1, y) - luminance(image, x - 1, y);
        double gy = luminance(image, x, y + 1) - luminance(image, x, y - 1);
        return Math.hypot(gx, gy);
    }

    private static double luminance(RgbImage image, int x, int y) {
        int i = (y * image.width() + x) * 3;
        float[] px = image.pixels();
        return 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
    }
}
