package org.neuralstyle.video;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.TemporalTarget;
import org.neuralstyle.image.RgbImage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LongTermTargetTest {

    @Test
    void eachPixelIsHeldToTheNearestFrameInWhichItWasVisible() {
        RgbImage w1 = RgbImage.filled(3, 1, 10, 10, 10);
        RgbImage w2 = RgbImage.filled(3, 1, 20, 20, 20);
        RgbImage w4 = RgbImage.filled(3, 1, 40, 40, 40);
        // pixel 0 visible in t-1; pixel 1 occluded in t-1, visible in t-2 and t-4; pixel 2 visible nowhere
        TemporalTarget target = LongTermTarget.of(List.of(w1, w2, w4),
                List.of(new float[] {1, 0, 0}, new float[] {1, 1, 0}, new float[] {0, 1, 0}));
        assertThat(target.mask()).containsExactly(1, 1, 0);
        assertThat(target.warpedPrevious().get(0, 0, 0)).isEqualTo(10);
        assertThat(target.warpedPrevious().get(1, 0, 2)).isEqualTo(20);
    }

    @Test
    void fractionalWeightsGiveTheSameLossUpToAConstant() {
        // c1 = 0.5, c2 = 1: c_long = 0.5 and max(1 - 0.5, 0) = 0.5, so the pull is 0.5 (x-10)^2 + 0.5 (x-30)^2,
        // i.e. 1 * (x - 20)^2 + const.
        RgbImage w1 = RgbImage.filled(1, 1, 10, 10, 10);
        RgbImage w2 = RgbImage.filled(1, 1, 30, 30, 30);
        TemporalTarget target = LongTermTarget.of(List.of(w1, w2), List.of(new float[] {0.5f}, new float[] {1}));
        assertThat(target.mask()[0]).isCloseTo(1f, within(1e-6f));
        assertThat(target.warpedPrevious().get(0, 0, 1)).isCloseTo(20f, within(1e-4f));
    }

    @Test
    void temporalFramesMustBeIncreasingDistances() {
        assertThatThrownBy(() -> new VideoSettings(8, 8, 1, VideoInit.FLOW, 1, 1, 1, List.of(2, 1), true))
                .hasMessageContaining("increasing");
        assertThat(new VideoSettings(8, 8, 1, VideoInit.FLOW, 1, 1, 1, List.of(1, 2, 4), true).history()).isEqualTo(4);
        assertThat(new VideoSettings(8, 8, 1, VideoInit.PREVIOUS, 1, 1, 1, List.of(1, 2, 4), true).history()).isEqualTo(1);
    }
}
