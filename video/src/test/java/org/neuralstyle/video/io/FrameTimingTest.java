package org.neuralstyle.video.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FrameTimingTest {

    private static long[] millis(long... times) {
        long[] micros = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            micros[i] = times[i] * 1000;
        }
        return micros;
    }

    private static long[] evenly(int frames, double rate) {
        long[] micros = new long[frames];
        for (int i = 0; i < frames; i++) {
            micros[i] = Math.round(i * 1e6 / rate);
        }
        return micros;
    }

    @Test
    void aConstantRateSourceKeepsItsRateAndIsWhole() {
        FrameTiming timing = FrameTiming.constant(100, 25);
        assertThat(timing.outputRate()).isEqualTo(25);
        assertThat(timing.largestShiftSeconds(25)).isZero();
        assertThat(timing.readSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(timing.shortfall()).isEmpty();
    }

    @Test
    void droppedFramesAreGapsTheStatedRateFills() {
        // The shared AVI's pattern: a 15 fps clock with most frames dropped; each kept frame has its own slot.
        FrameTiming timing = new FrameTiming(millis(0, 733, 1133, 1600, 2066, 29533), 14.9999, 444, 444 / 14.9999);
        assertThat(timing.outputRate()).isEqualTo(15.0);
        assertThat(timing.shortfall()).as("read to the end").isEmpty();
    }

    @Test
    void aVariableRateSourceGetsARateThatKeepsEveryFrameAtItsTime() {
        // 18 frames over 0.64 s (stated average 28.08 fps), five of them 10 ms apart: at 28.08 fps those would each
        // push the next into a later slot, up to 0.1 s late; 100 fps gives every frame a slot of its own.
        long[] times = millis(0, 40, 80, 100, 120, 140, 160, 200, 280, 360, 400, 410, 420, 430, 440, 480, 560, 640);
        FrameTiming timing = new FrameTiming(times, 18 / 0.641, 18, 0.641);
        assertThat(timing.largestShiftSeconds(FrameTiming.encoderRate(18 / 0.641))).isGreaterThan(0.05);
        assertThat(timing.outputRate()).isEqualTo(100);
        assertThat(timing.largestShiftSeconds(100)).isLessThanOrEqualTo(0.005 + 1e-9);
        assertThat(timing.intervalRangeSeconds()).containsExactly(0.010, 0.080);
    }

    @Test
    void framesCloserThanTheFastestRateAreMovedAsLittleAsPossible() {
        FrameTiming timing = new FrameTiming(millis(0, 1, 2, 3, 1000), 5, 5, 1.2);
        assertThat(timing.outputRate()).isEqualTo(120);
        assertThat(timing.largestShiftSeconds(120)).isCloseTo(3 / 120.0 - 0.003, within(1e-9));
    }

    @Test
    void aSourceEndingWellBeforeItsAnnouncedLengthIsNamedWithBothCounts() {
        long[] times = new long[36];
        for (int i = 0; i < times.length; i++) {
            times[i] = Math.round(i * 15_133_409.0 / 35);
        }
        FrameTiming cut = new FrameTiming(times, 14.9999, 444, 444 / 14.9999);
        assertThat(cut.shortfall()).contains("damaged or cut short: 36 frames read, up to 15.2 s, but the file "
                + "announces 444 frames over 29.6 s");
        // A length stated without a frame count (a Matroska file) is named alone.
        assertThat(new FrameTiming(evenly(59, 25), 25, 0, 4.0).shortfall())
                .contains("damaged or cut short: 59 frames read, up to 2.4 s, but the file announces 4.0 s");
    }

    @Test
    void anAudioTrackALittleLongerThanThePictureIsNotDamage() {
        // 100 frames at 25 fps (4.0 s) in a file whose audio runs 0.3 s on: within the half-second tolerance.
        assertThat(new FrameTiming(evenly(100, 25), 25, 0, 4.3).shortfall()).isEmpty();
        assertThat(new FrameTiming(evenly(100, 25), 25, 0, 4.6).shortfall()).isPresent();
    }

    @Test
    void aSourceNeedsFramesAndARate() {
        assertThatThrownBy(() -> new FrameTiming(new long[0], 25, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameTiming(new long[1], 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
