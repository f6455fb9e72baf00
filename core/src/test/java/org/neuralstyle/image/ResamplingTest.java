package org.neuralstyle.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplingTest {

    @Test
    void keepsAspectRatioWhenResizingToAWidth() {
        RgbImage r = Resampling.toWidth(RgbImage.filled(451, 300, 1, 2, 3), 64);
        assertThat(r.width()).isEqualTo(64);
        assertThat(r.height()).isEqualTo(43);
    }

    @Test
    void aFlatImageStaysFlat() {
        RgbImage r = Resampling.resize(RgbImage.filled(17, 9, 10, 20, 30), 5, 13);
        for (int i = 0; i < r.pixels().length; i += 3) {
            assertThat(r.pixels()[i]).isCloseTo(10f, within(1e-4f));
            assertThat(r.pixels()[i + 2]).isCloseTo(30f, within(1e-4f));
        }
    }

    @Test
    void shrinkingAveragesAFineCheckerboardInsteadOfAliasing() {
        float[] px = new float[64 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                float v = (x + y) % 2 == 0 ? 0 : 255;
                for (int c = 0; c < 3; c++) {
                    px[(y * 64 + x) * 3 + c] = v;
                }
            }
        }
        RgbImage small = Resampling.resize(new RgbImage(64, 64, px), 8, 8);
        for (float v : small.pixels()) {
            assertThat(v).isCloseTo(127.5f, within(5f));
        }
    }

    @Test
    void enlargingInterpolatesBetweenNeighbours() {
        RgbImage two = new RgbImage(2, 1, new float[] {0, 0, 0, 100, 100, 100});
        RgbImage four = Resampling.resize(two, 4, 1);
        float[] red = {four.get(0, 0, 0), four.get(1, 0, 0), four.get(2, 0, 0), four.get(3, 0, 0)};
        assertThat(red).containsExactly(0f, 25f, 75f, 100f);
    }

    @Test
    void upsamplingReproducesASmoothImageExactlyAwayFromTheBorder() {
        // Bilinear interpolation is exact on linear ramps: doubling the size must give the same ramp sampled
        // at the new pixel centres, (o + 0.5) / 2 - 0.5 in input coordinates.
        int w = 12;
        int h = 8;
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[(y * w + x) * 3] = 10 + 7 * x + 3 * y;
                px[(y * w + x) * 3 + 1] = 200 - 5 * y;
                px[(y * w + x) * 3 + 2] = 40 + 2 * x;
            }
        }
        RgbImage big = Resampling.resize(new RgbImage(w, h, px), 2 * w, 2 * h);
        for (int y = 1; y < 2 * h - 1; y++) {
            for (int x = 1; x < 2 * w - 1; x++) {
                double sx = (x + 0.5) / 2 - 0.5;
                double sy = (y + 0.5) / 2 - 0.5;
                assertThat(big.get(x, y, 0)).isCloseTo((float) (10 + 7 * sx + 3 * sy), within(1e-3f));
                assertThat(big.get(x, y, 1)).isCloseTo((float) (200 - 5 * sy), within(1e-3f));
                assertThat(big.get(x, y, 2)).isCloseTo((float) (40 + 2 * sx), within(1e-3f));
            }
        }
    }
}
