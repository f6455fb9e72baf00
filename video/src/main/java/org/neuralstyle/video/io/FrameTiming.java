package org.neuralstyle.video.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When a source's frames are shown, and how long its container says it lasts: what a damage check and the output's
 * frame rate need. A container's frame count cannot tell damage by itself (an AVI counts its dropped frames: the
 * shared clip announces 444 frames and holds 68), so a source is measured in time: how far its decodable frames
 * reach against the length it announces.
 */
public final class FrameTiming {

    /** The output rates tried when the source's own rate would move frames, in the order tried. */
    private static final double[] COMMON_RATES = {24, 25, 30, 48, 50, 60, 100, 120};
    private static final double MAX_OUTPUT_RATE = 120;

    private final long[] timesMicros;
    private final double nominalRate;
    private final int announcedFrames;
    private final double announcedSeconds;

    /**
     * @param timesMicros      each decodable frame's presentation time, in order
     * @param nominalRate      the rate the container states (frames per second)
     * @param announcedFrames  the frame count the container states; 0 where it states none
     * @param announcedSeconds the length the container states; 0 where it states none
     */
    public FrameTiming(long[] timesMicros, double nominalRate, int announcedFrames, double announcedSeconds) {
        if (timesMicros.length == 0) {
            throw new IllegalArgumentException("no frames");
        }
        if (!(nominalRate > 0) || Double.isInfinite(nominalRate)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + nominalRate);
        }
        this.timesMicros = timesMicros.clone();
        this.nominalRate = nominalRate;
        this.announcedFrames = Math.max(0, announcedFrames);
        this.announcedSeconds = Math.max(0, announcedSeconds);
    }

    /** Frames at a constant rate, all present (a folder of frames). */
    public static FrameTiming constant(int frames, double rate) {
        long[] times = new long[frames];
        for (int i = 0; i < frames; i++) {
            times[i] = Math.round(i * 1e6 / rate);
        }
        return new FrameTiming(times, rate, frames, frames / rate);
    }

    public int frames() {
        return timesMicros.length;
    }

    public double nominalRate() {
        return nominalRate;
    }

    /** How far the decodable frames reach: to the end of the last one's slot at the stated rate. */
    public double readSeconds() {
        return (timesMicros[timesMicros.length - 1] - timesMicros[0]) / 1e6 + 1 / nominalRate;
    }

    /**
     * Where the frames that decode end well before the length the container announces (a file cut short, a
     * broken download), what was read against what was announced; empty for a whole file. The tolerance (half a
     * second, three frames or 2% of the length, whichever is most) leaves room for an audio track that outlasts the
     * picture by a little.
     */
    public Optional<String> shortfall() {
        double tolerance = Math.max(0.5, Math.max(3 / nominalRate, 0.02 * announcedSeconds));
        if (announcedSeconds - readSeconds() <= tolerance) {
            return Optional.empty();
        }
        String announced = announcedFrames > 0
                ? String.format(Locale.ROOT, "%d frames over %.1f s", announcedFrames, announcedSeconds)
                : String.format(Locale.ROOT, "%.1f s", announcedSeconds);
        return Optional.of(String.format(Locale.ROOT, "damaged or cut short: %d frame%s read, up to %.1f s, but the "
                + "file announces %s", frames(), frames() == 1 ? "" : "s", readSeconds(), announced));
    }

    /**
     * A constant rate at which every frame gets a slot of its own at its own time (a held frame fills a gap): the
     * stated rate where it does that, as for any constant-rate source and for one with dropped frames; otherwise
     * (a variable-rate source whose frames come faster than its stated average) the first common rate that does;
     * where none up to 120 fps does, the one that moves frames least.
     */
    public double outputRate() {
        double stated = encoderRate(nominalRate);
        if (stated <= MAX_OUTPUT_RATE && largestShiftSeconds(stated) <= halfSlot(stated)) {
            return stated;
        }
        double best = Math.min(stated, MAX_OUTPUT_RATE);
        for (double rate : COMMON_RATES) {
            double shift = largestShiftSeconds(rate);
            if (shift <= halfSlot(rate)) {
                return rate;
            }
            if (shift < largestShiftSeconds(best)) {
                best = rate;
            }
        }
        return best;
    }

    /**
     * How far the encoder, given frames at this rate, moves a frame from its source time at most: each frame
     * goes to the slot nearest its time, or the next free one where an earlier frame took it.
     */
    public double largestShiftSeconds(double rate) {
        long nextSlot = 0;
        double largest = 0;
        for (long time : timesMicros) {
            long slot = Math.max(nextSlot, Math.round(time * rate / 1e6));
            largest = Math.max(largest, Math.abs(slot / rate - time / 1e6));
            nextSlot = slot + 1;
        }
        return largest;
    }

    /** The shortest and the longest time between two frames, in seconds; {0, 0} for one frame. */
    public double[] intervalRangeSeconds() {
        if (timesMicros.length < 2) {
            return new double[] {0, 0};
        }
        long[] gaps = new long[timesMicros.length - 1];
        for (int i = 1; i < timesMicros.length; i++) {
            gaps[i - 1] = timesMicros[i] - timesMicros[i - 1];
        }
        return new double[] {Arrays.stream(gaps).min().orElse(0) / 1e6, Arrays.stream(gaps).max().orElse(0) / 1e6};
    }

    /**
     * The rate the encoder is given: MPEG-4 Part 2 wants the time base's denominator under 2^16 (a measured
     * 14.999925 fps would not fit), so rates are kept to three decimals.
     */
    public static double encoderRate(double rate) {
        return Math.round(rate * 1000) / 1000.0;
    }

    private static double halfSlot(double rate) {
        return 0.5 / rate + 1e-6;
    }
}
