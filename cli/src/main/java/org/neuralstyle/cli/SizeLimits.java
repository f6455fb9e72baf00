package org.neuralstyle.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Refuses, before any work, image sizes this machine cannot hold, in one line that names a size that fits.
 * A stand-in for the memory plan to come: peak memory grows with the largest image the network sees, measured
 * for VGG-19 as 3.9 GB at 1024x1024 and 6.7 GB at 1536x1536 (README, Speed), about 1.7 GB plus 2.1 GB per
 * megapixel; SqueezeNet needs less, so the limit is conservative for it.
 */
final class SizeLimits {

    private static final double BASE_BYTES = 1.7e9;
    private static final double BYTES_PER_PIXEL = 2.1e3;
    /** Java arrays hold at most about 2^31 values: three per pixel. */
    private static final long MAX_PIXELS_IN_AN_ARRAY = (Integer.MAX_VALUE - 8) / 3;

    private final long memoryBytes;

    SizeLimits(long memoryBytes) {
        this.memoryBytes = memoryBytes;
    }

    /** The limits of this machine's physical memory. */
    static SizeLimits ofThisMachine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long total = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
        return new SizeLimits(total > 0 ? total : Runtime.getRuntime().maxMemory());
    }

    long maxPixels() {
        long byMemory = (long) Math.max(0, (memoryBytes - BASE_BYTES) / BYTES_PER_PIXEL);
        return Math.min(byMemory, MAX_PIXELS_IN_AN_ARRAY);
    }

    /**
     * An image of width x height (in long, as sizes may overflow int) must fit; the error names what asked for
     * it and the largest width at this aspect ratio that would.
     */
    void requireFits(String what, String option, long width, long height) {
        requireFits(what, option, width, height, fits -> "at most about " + fits + " pixels wide fits");
    }

    /** As above, the size that fits said in the option's own terms (a width, a scale). */
    void requireFits(String what, String option, long width, long height, LongFunction<String> whatFits) {
        double pixels = (double) width * height;
        if (pixels <= maxPixels()) {
            return;
        }
        double aspect = (double) height / width;
        long widthThatFits = (long) Math.floor(Math.sqrt(maxPixels() / aspect));
        throw new UserError(String.format(Locale.ROOT, "%s: %s would be %dx%d pixels, needing about %.0f GB of memory; "
                        + "this machine has %.1f GB, so %s", option, what, width, height,
                (BASE_BYTES + BYTES_PER_PIXEL * pixels) / 1e9, memoryBytes / 1e9, whatFits.apply(widthThatFits)));
    }
}
