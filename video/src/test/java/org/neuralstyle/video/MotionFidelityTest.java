package org.neuralstyle.video;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fidelity measure tells a video that follows its content from one that holds still, which the flicker
 * measure cannot: a frozen video has no flicker at all.
 */
class MotionFidelityTest {

    /** A bright square on a dark textured background, moved right by 4 pixels a frame. */
    private static RgbImage scene(int frame) {
        int w = 64;
        int h = 48;
        float[] px = new float[w * h * 3];
        Random texture = new Random(1);
        for (int i = 0; i < w * h; i++) {
            float v = 30 + 10 * texture.nextFloat();
            px[3 * i] = px[3 * i + 1] = px[3 * i + 2] = v;
        }
        for (int r = 14; r < 34; r++) {
            for (int c = 8 + 4 * frame; c < 24 + 4 * frame; c++) {
                px[3 * (r * w + c)] = px[3 * (r * w + c) + 1] = px[3 * (r * w + c) + 2] = 220;
            }
        }
        return new RgbImage(w, h, px);
    }

    /** A "stylized" frame: the content in other colours plus its own strokes (noise). */
    private static RgbImage painted(RgbImage content, long seed) {
        Random strokes = new Random(seed);
        float[] px = content.pixels().clone();
        for (int i = 0; i < px.length; i += 3) {
            float n = (float) strokes.nextGaussian() * 6;
            px[i] = 0.8f * px[i] + n;
            px[i + 1] = 0.5f * px[i + 1] + 40 + n;
            px[i + 2] = 0.3f * px[i + 2] + 80 + n;
        }
        return new RgbImage(content.width(), content.height(), px);
    }

    @Test
    void aVideoThatFollowsItsContentScoresAboutOneAFrozenOneFarLess() {
        MotionFidelity following = new MotionFidelity();
        MotionFidelity frozen = new MotionFidelity();
        RgbImage first = painted(scene(0), 0);
        for (int t = 0; t < 6; t++) {
            following.add(scene(t), painted(scene(t), t));
            frozen.add(scene(t), first);
        }
        assertThat(following.frames()).isEqualTo(5);
        assertThat(following.mean()).isCloseTo(1.0, within(0.15));
        // Every frozen frame equals the one before: its flicker would be exactly 0.
        assertThat(frozen.mean()).isLessThan(0.3);
    }

    @Test
    void framesWhereNothingMovedAreNotCounted() {
        MotionFidelity still = new MotionFidelity();
        for (int t = 0; t < 4; t++) {
            still.add(scene(0), painted(scene(0), t));
        }
        assertThat(still.frames()).isZero();
        assertThat(still.mean()).isNaN();
    }
}
