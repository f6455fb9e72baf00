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
}
