package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StyleRegionTest {

    @Test
    void erodingShrinksTheRegionByTheRadiusInBothDirections() {
        // A 3x3 white square in a 7x5 black field, eroded by 1: its centre alone is left.
        float[] w = new float[7 * 5];
        for (int y = 1; y <= 3; y++) {
            for (int x = 2; x <= 4; x++) {
                w[y * 7 + x] = 1;
            }
        }
        float[] eroded = new StyleRegion(w, 7, 5).eroded(1).weights();
        for (int i = 0; i < eroded.length; i++) {
            assertThat(eroded[i]).as("weight %d", i).isEqualTo(i == 2 * 7 + 3 ? 1f : 0f);
        }
        assertThat(new StyleRegion(w, 7, 5).eroded(0).weights()).containsExactly(w);
        // The image's border is not outside the region: an all-white region stays white.
        assertThat(StyleRegion.everywhere(4, 3).eroded(2).coverage()).isEqualTo(1);
    }

    @Test
    void aMaskIsReadAsItsLuminanceAndCompositesByItsWeights() {
        StyleRegion region = StyleRegion.ofMask(new RgbImage(2, 1, new float[] {255, 255, 255, 127.5f, 127.5f, 127.5f}));
        assertThat(region.weights()).containsExactly(1f, 0.5f);
        assertThat(region.coverage()).isEqualTo(0.75);
        RgbImage painted = RgbImage.filled(2, 1, 200, 100, 0);
        RgbImage photo = RgbImage.filled(2, 1, 0, 100, 200);
        assertThat(region.composite(painted, photo).pixels()).containsExactly(200, 100, 0, 100, 100, 100);
        StyleRegion other = new StyleRegion(new float[] {0, 0.8f}, 2, 1);
        assertThat(StyleRegion.union(java.util.List.of(region, other)).weights()).containsExactly(1f, 0.8f);
    }

    @Test
    void weightsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new StyleRegion(new float[] {1.5f}, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StyleRegion(new float[] {1}, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
