package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentRegionsTest {

    /** Left third dark blue, middle orange, right third near white, with a little noise. */
    private static RgbImage threeColours() {
        int w = 30;
        int h = 10;
        float[] px = new float[w * h * 3];
        java.util.Random noise = new java.util.Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] c = x < 10 ? new float[] {20, 30, 120} : x < 20 ? new float[] {230, 120, 20} : new float[] {240, 240, 235};
                for (int k = 0; k < 3; k++) {
                    px[(y * w + x) * 3 + k] = c[k] + (float) noise.nextGaussian() * 4;
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void coloursAreClusteredAndOrderedDarkestFirst() {
        List<StyleRegion> regions = ContentRegions.colours(threeColours(), 3, 7);
        assertThat(regions).hasSize(3);
        for (int r = 0; r < 3; r++) {
            float[] w = regions.get(r).weights();
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 30; x++) {
                    assertThat(w[y * 30 + x]).as("region %d at %d,%d", r, x, y).isEqualTo(x / 10 == r ? 1f : 0f);
                }
            }
        }
        // Every pixel in exactly one region.
        assertThat(regions.stream().mapToDouble(StyleRegion::coverage).sum()).isEqualTo(1.0);
    }

    @Test
    void luminanceSplitsBrightFromDark() {
        List<StyleRegion> regions = ContentRegions.luminance(threeColours(), 0.5, 2);
        float[] bright = regions.get(0).weights();
        assertThat(bright[5]).isZero(); // dark blue
        assertThat(bright[15]).isEqualTo(1); // orange: luminance 0.299*230+0.587*120+0.114*20 = 141 >= 127.5
        assertThat(bright[25]).isEqualTo(1);
        assertThat(regions.get(1).weights()[5]).isEqualTo(1);
        assertThat(ContentRegions.luminance(threeColours(), 0.9, 1)).hasSize(1);
        assertThatThrownBy(() -> ContentRegions.luminance(threeColours(), 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
