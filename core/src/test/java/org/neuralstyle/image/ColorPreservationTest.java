package org.neuralstyle.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ColorPreservationTest {

    @Test
    void keepsStylizedLuminanceAndContentChroma() {
        RgbImage stylized = new RgbImage(2, 1, new float[] {200, 30, 60, 10, 180, 90});
        RgbImage content = new RgbImage(2, 1, new float[] {90, 120, 200, 250, 240, 10});
        RgbImage out = ColorPreservation.keepContentColors(stylized, content);
        for (int p = 0; p < 2; p++) {
            int i = p * 3;
            float[] o = out.pixels();
            float[] s = stylized.pixels();
            float[] c = content.pixels();
            double lumaOut = ColorPreservation.luma(o[i], o[i + 1], o[i + 2]);
            double lumaStylized = ColorPreservation.luma(s[i], s[i + 1], s[i + 2]);
            // The luminance is the stylized one (up to clamping of the recombined colour).
            if (o[i] > 0 && o[i] < 255 && o[i + 1] > 0 && o[i + 1] < 255 && o[i + 2] > 0 && o[i + 2] < 255) {
                assertThat(lumaOut).isCloseTo(lumaStylized, within(0.01));
                // Chroma (Cb) is the content's.
                double cbOut = -0.168736 * o[i] - 0.331264 * o[i + 1] + 0.5 * o[i + 2];
                double cbContent = -0.168736 * c[i] - 0.331264 * c[i + 1] + 0.5 * c[i + 2];
                assertThat(cbOut).isCloseTo(cbContent, within(0.01));
            }
        }
    }

    @Test
    void greyContentGivesAGreyResult() {
        RgbImage out = ColorPreservation.keepContentColors(new RgbImage(1, 1, new float[] {250, 10, 40}),
                RgbImage.filled(1, 1, 77, 77, 77));
        float y = (float) ColorPreservation.luma(250, 10, 40);
        assertThat(out.pixels()).containsExactly(new float[] {y, y, y}, within(0.01f));
    }
}
