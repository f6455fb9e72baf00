package org.neuralstyle.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaletteTransferTest {

    /**
     * Ottosson's own table (bottosson.github.io/posts/oklab, "Table of example XYZ and Oklab pairs" and the sRGB
     * primaries he lists): white is L 1 with no chroma, sRGB red is (0.62796, 0.22486, 0.12585); and back again to
     * the same colours within a hundredth of a level.
     */
    @Test
    void oklabHasOttossonsKnownValuesAndGoesBackToTheSameColours() {
        double[] white = OkLab.of(RgbImage.filled(1, 1, 255, 255, 255));
        assertThat(white[0]).isCloseTo(1, within(1e-4));
        assertThat(white[1]).isCloseTo(0, within(1e-4));
        assertThat(white[2]).isCloseTo(0, within(1e-4));
        double[] red = OkLab.of(RgbImage.filled(1, 1, 255, 0, 0));
        assertThat(red[0]).isCloseTo(0.62796, within(1e-4));
        assertThat(red[1]).isCloseTo(0.22486, within(1e-4));
        assertThat(red[2]).isCloseTo(0.12585, within(1e-4));
        RgbImage colours = randomImage(7, 5, 1);
        RgbImage back = OkLab.toImage(OkLab.of(colours), 7, 5);
        for (int i = 0; i < colours.pixels().length; i++) {
            assertThat(back.pixels()[i]).isCloseTo(colours.pixels()[i], within(0.01f));
        }
    }

    /**
     * The picture keeps its lightness (the strokes) and takes the photo's chroma moved onto the painting's palette:
     * a photo of four even bands of colour (16 px wide), a picture whose lightness steps at the same bands (so the guided filter
     * keeps each band's colour), a painting of other colours: the result's chroma has the painting's mean and
     * covariance, its lightness is the picture's, and the band that was the photo's reddest is the result's reddest.
     * (In Oklab, before sRGB's gamut clips what lies outside it.)
     */
    @Test
    void theChromaIsThePhotosMovedOntoThePaintingsPaletteUnderThePicturesLightness() {
        int w = 64;
        int h = 4;
        float[][] bands = {{200, 40, 40}, {40, 160, 60}, {60, 60, 200}, {180, 170, 40}};
        float[] photo = new float[w * h * 3];
        float[] picture = new float[w * h * 3];
        for (int p = 0; p < w * h; p++) {
            int band = (p % w) / 16;
            System.arraycopy(bands[band], 0, photo, 3 * p, 3);
            float grey = 20 + 70 * band;
            picture[3 * p] = grey;
            picture[3 * p + 1] = grey;
            picture[3 * p + 2] = grey;
        }
        RgbImage painting = randomImage(20, 20, 3, new float[] {10, 30, 20}, new float[] {240, 160, 120});
        double[] got = PaletteTransfer.onPalette(OkLab.of(new RgbImage(w, h, picture)), OkLab.of(new RgbImage(w, h,
                photo)), PaletteTransfer.Palette.of(List.of(painting), new double[] {1}), w, h);
        PaletteTransfer.Moments want = PaletteTransfer.Moments.of(OkLab.of(painting), 1);
        PaletteTransfer.Moments moments = PaletteTransfer.Moments.of(got, 1);
        for (int a = 1; a < 3; a++) {
            assertThat(moments.mean()[a]).as("chroma mean " + a).isCloseTo(want.mean()[a], within(0.004));
            for (int b = 1; b < 3; b++) {
                assertThat(moments.covariance()[a][b]).as("chroma covariance " + a + b)
                        .isCloseTo(want.covariance()[a][b], within(0.15 * Math.abs(want.covariance()[a][a])));
            }
        }
        double[] pictureLab = OkLab.of(new RgbImage(w, h, picture));
        double[] paintingLab = OkLab.of(painting);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int i = 0; i < paintingLab.length; i += 3) {
            low = Math.min(low, paintingLab[i]);
            high = Math.max(high, paintingLab[i]);
        }
        for (int p = 0; p < w * h; p++) {
            double expected = Math.max(low, Math.min(high, pictureLab[3 * p]));
            assertThat(got[3 * p]).as("the picture's lightness, within the painting's range").isCloseTo(expected,
                    within(1e-12));
        }
        // the photo's reddest band (a largest) stays the reddest after the map
        double[] photoLab = OkLab.of(new RgbImage(w, h, photo));
        assertThat(reddestBand(got, w)).isEqualTo(reddestBand(photoLab, w));
    }

    private static int reddestBand(double[] lab, int w) {
        int best = 0;
        for (int band = 1; band < 4; band++) {
            if (lab[3 * (band * 16 + 8) + 1] > lab[3 * (best * 16 + 8) + 1]) {
                best = band;
            }
        }
        return best;
    }

    /**
     * The filter of the chroma follows the lightness: noise in chroma over even lightness is smoothed away (its
     * variance cut more than fivefold), while across a lightness step of 0.5 two chromas stay apart (within 5% of
     * their difference).
     */
    @Test
    void theChromaIsSmoothedWhereTheLightnessIsEvenAndKeptApartAcrossItsSteps() {
        int w = 12;
        int h = 6;
        Random random = new Random(4);
        double[] lab = new double[w * h * 3];
        for (int p = 0; p < w * h; p++) {
            boolean left = p % w < w / 2;
            lab[3 * p] = left ? 0.3 : 0.8;
            lab[3 * p + 1] = (left ? -0.1 : 0.1) + (left ? 0.02 * random.nextGaussian() : 0);
            lab[3 * p + 2] = 0;
        }
        double before = variance(lab, w, h, 0, w / 2 - 1);
        PaletteTransfer.guidedSmoothing(lab, w, h);
        assertThat(variance(lab, w, h, 0, w / 2 - 1)).isLessThan(before / 5);
        double leftEdge = lab[3 * (w / 2 - 1) + 1];
        double rightEdge = lab[3 * (w / 2) + 1];
        assertThat(rightEdge - leftEdge).isGreaterThan(0.95 * 0.2);
    }

    /** A grey painting has no palette to map onto: the picture's colours go to its grey, within its range. */
    @Test
    void aGreyPaintingGreysThePicture() {
        RgbImage painting = randomImage(10, 10, 5, new float[] {100, 100, 100}, new float[] {0, 0, 0});
        float[] px = painting.pixels();
        Random random = new Random(6);
        for (int i = 0; i < px.length; i += 3) {
            float v = 60 + 120 * random.nextFloat();
            px[i] = v;
            px[i + 1] = v;
            px[i + 2] = v;
        }
        RgbImage photo = randomImage(8, 8, 7);
        RgbImage result = PaletteTransfer.apply(randomImage(8, 8, 8), photo, List.of(new RgbImage(10, 10, px)),
                new double[] {1});
        double[] lab = OkLab.of(result);
        for (int i = 0; i < lab.length; i += 3) {
            assertThat(Math.hypot(lab[i + 1], lab[i + 2])).isLessThan(0.01);
        }
    }

    private static double variance(double[] lab, int w, int h, int fromColumn, int toColumn) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = fromColumn; x <= toColumn; x++) {
                double a = lab[3 * (y * w + x) + 1];
                sum += a;
                squares += a * a;
                n++;
            }
        }
        return squares / n - (sum / n) * (sum / n);
    }

    private static RgbImage randomImage(int w, int h, long seed) {
        return randomImage(w, h, seed, new float[] {0, 0, 0}, new float[] {255, 255, 255});
    }

    /** Each channel uniform in [base, base + spread]. */
    private static RgbImage randomImage(int w, int h, long seed, float[] base, float[] spread) {
        Random random = new Random(seed);
        float[] px = new float[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = base[i % 3] + spread[i % 3] * random.nextFloat();
        }
        return new RgbImage(w, h, px);
    }
}
