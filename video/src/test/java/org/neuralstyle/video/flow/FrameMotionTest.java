package org.neuralstyle.video.flow;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FrameMotionTest {

    @Test
    void theCheckDropsPixelsWhereThePreviousContentWarpedDoesNotMatchAndKeepsTheRest() {
        // A flow that says "nothing moved", while in the right half the content did change: there the flow is
        // wrong, whatever its forward-backward consistency says.
        int w = 8;
        int h = 4;
        float[] ones = new float[w * h];
        Arrays.fill(ones, 1f);
        FrameMotion motion = new FrameMotion(FlowField.uniform(w, h, 0, 0), ones);
        RgbImage previous = RgbImage.filled(w, h, 100, 100, 100);
        float[] px = previous.pixels().clone();
        for (int y = 0; y < h; y++) {
            for (int x = 4; x < w; x++) {
                int i = 3 * (y * w + x);
                px[i] += x == 4 ? 10 : 60; // column 4 within the tolerance, 5..7 beyond it
            }
        }
        RgbImage current = new RgbImage(w, h, px);

        FrameMotion checked = motion.checkedAgainst(previous, current, 24);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a change of 60 in one channel is 20 levels on average over RGB: kept; nothing else changed
                assertThat(checked.mask()[y * w + x]).as("x=" + x).isEqualTo(1f);
            }
        }
        FrameMotion strict = motion.checkedAgainst(previous, current, 15);
        for (int x = 0; x < w; x++) {
            assertThat(strict.mask()[w + x]).as("x=" + x).isEqualTo(x >= 5 ? 0f : 1f);
        }
        // the original mask is left as it was, for the flicker measure
        assertThat(motion.mask()).containsOnly(1f);
        assertThat(checked.backward()).isSameAs(motion.backward());
    }

    @Test
    void theStartIsThePreviousFrameWarpedWhereTheMaskHoldsAndTheFillElsewhere() {
        float[] mask = {1, 0, 1, 0};
        // the flow moves everything one pixel right: pixel x takes the previous frame's x - 1 (edge clamped)
        FrameMotion motion = new FrameMotion(FlowField.uniform(4, 1, -1, 0), mask);
        RgbImage previous = new RgbImage(4, 1, new float[] {10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40});
        RgbImage fill = RgbImage.filled(4, 1, 200, 201, 202);
        float[] start = motion.warpOr(previous, fill).pixels();
        float[] warped = motion.warp(previous).pixels();
        assertThat(start[6]).isEqualTo(warped[6]);
        assertThat(start[6]).isEqualTo(20f);
        assertThat(new float[] {start[3], start[4], start[5]}).containsExactly(200f, 201f, 202f);
        assertThat(new float[] {start[9], start[10], start[11]}).containsExactly(200f, 201f, 202f);
    }
}
