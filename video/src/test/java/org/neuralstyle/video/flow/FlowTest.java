package org.neuralstyle.video.flow;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.video.TemporalConsistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlowTest {

    /** A smooth moving texture: colour waves of period 32 and 40 px, evaluated at any real position. */
    private static float texture(double x, double y, int c) {
        return (float) (128 + 60 * Math.sin(x * 2 * Math.PI / 32 + c) + 50 * Math.cos(y * 2 * Math.PI / 40 - c));
    }

    private static RgbImage frame(int w, int h, double shiftX, double shiftY) {
        float[] px = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = texture(x - shiftX, y - shiftY, c);
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void warpingByTheBackwardFlowGivesTheShiftedFrame() {
        // The texture moves by (+3.5, -2.25) px from the previous frame to the current one, so the backward
        // flow (current -> previous) is (-3.5, +2.25) everywhere.
        RgbImage previous = frame(64, 48, 0, 0);
        RgbImage current = frame(64, 48, 3.5, -2.25);
        RgbImage warped = FlowWarp.warp(previous, FlowField.uniform(64, 48, -3.5f, 2.25f));
        for (int y = 4; y < 48 - 4; y++) {
            for (int x = 5; x < 64 - 5; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(warped.get(x, y, c)).as("(%d, %d, %d)", x, y, c)
                            .isCloseTo(current.get(x, y, c), within(1f)); // 1/255 of the 0..255 range
                }
            }
        }
    }

    @Test
    void disFindsTheBackwardFlowOfAPanAndItsWarpReproducesTheFrame() {
        RgbImage previous = frame(96, 72, 0, 0);
        RgbImage current = frame(96, 72, 2.5, -1.5);
        try (OpticalFlow dis = new DisOpticalFlow()) {
            FlowField backward = dis.flow(current, previous);
            assertThat(backward.width()).isEqualTo(96);
            java.util.List<Float> xs = new java.util.ArrayList<>();
            java.util.List<Float> ys = new java.util.ArrayList<>();
            for (int y = 12; y < 60; y++) {
                for (int x = 12; x < 84; x++) {
                    xs.add(backward.dxAt(x, y));
                    ys.add(backward.dyAt(x, y));
                }
            }
            assertThat(median(xs)).isCloseTo(-2.5, within(0.25));
            assertThat(median(ys)).isCloseTo(1.5, within(0.25));
            RgbImage warped = FlowWarp.warp(previous, backward);
            double error = 0;
            int n = 0;
            for (int y = 12; y < 60; y++) {
                for (int x = 12; x < 84; x++) {
                    error += Math.abs(warped.get(x, y, 0) - current.get(x, y, 0));
                    n++;
                }
            }
            assertThat(error / n).isLessThan(3.0); // the unwarped frames differ by ~40 on average
        }
    }

    private static double median(java.util.List<Float> values) {
        java.util.List<Float> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void anIntegerShiftIsExact() {
        RgbImage previous = frame(20, 10, 0, 0);
        RgbImage warped = FlowWarp.warp(previous, FlowField.uniform(20, 10, 2, -1));
        assertThat(warped.get(5, 5, 1)).isEqualTo(previous.get(7, 4, 1));
    }

    @Test
    void theMaskMarksTheDisoccludedStripBehindAMovingSquare() {
        // A square at x in [20, 30), y in [10, 30) moves 4 px right over a static background.
        int w = 48;
        int h = 40;
        float[] bu = new float[w * h];
        float[] fu = new float[w * h];
        for (int y = 10; y < 30; y++) {
            for (int x = 0; x < w; x++) {
                if (x >= 24 && x < 34) {
                    bu[y * w + x] = -4; // the square in the current frame came from 4 px to the left
                }
                if (x >= 20 && x < 30) {
                    fu[y * w + x] = 4; // the square in the previous frame goes 4 px to the right
                }
            }
        }
        FlowField backward = new FlowField(w, h, bu, new float[w * h]);
        FlowField forward = new FlowField(w, h, fu, new float[w * h]);
        float[] mask = TemporalMask.of(backward, forward);

        // Background revealed where the square was: x in [20, 24), every row of the square.
        for (int y = 10; y < 30; y++) {
            for (int x = 20; x < 24; x++) {
                assertThat(mask[y * w + x]).as("(%d, %d)", x, y).isZero();
            }
        }
        // The square's interior and the background away from it are kept.
        assertThat(mask[20 * w + 29]).isEqualTo(1);
        assertThat(mask[20 * w + 5]).isEqualTo(1);
        assertThat(mask[35 * w + 26]).isEqualTo(1);
        assertThat(mask[20 * w + 40]).isEqualTo(1);
        // The square's edges are motion boundaries.
        assertThat(mask[20 * w + 24]).isZero();
        assertThat(mask[20 * w + 33]).isZero();
    }

    @Test
    void pointsThatCameFromOutsideThePreviousFrameAreMasked() {
        float[] mask = TemporalMask.of(FlowField.uniform(16, 8, -3, 0), FlowField.uniform(16, 8, 3, 0));
        for (int y = 0; y < 8; y++) {
            assertThat(mask[y * 16 + 2]).isZero(); // x - 3 < 0
            assertThat(mask[y * 16 + 3]).isEqualTo(1);
            assertThat(mask[y * 16 + 15]).isEqualTo(1);
        }
    }

    @Test
    void temporalConsistencyIsTheMaskedMeanSquaredDifference() {
        RgbImage a = new RgbImage(2, 1, new float[] {10, 10, 10, 0, 0, 0});
        RgbImage b = new RgbImage(2, 1, new float[] {13, 10, 10, 100, 100, 100});
        // Only the first pixel counts: (3^2 + 0 + 0) / 3.
        assertThat(TemporalConsistency.error(a, b, new float[] {1, 0})).isCloseTo(3.0, within(1e-9));
        assertThat(TemporalConsistency.error(a, b, new float[] {0, 0})).isZero();
    }
}
