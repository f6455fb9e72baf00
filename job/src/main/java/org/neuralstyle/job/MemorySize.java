package org.neuralstyle.job;

import java.util.Locale;

/** A memory size as users write it: 8G, 512M, 1.5GB, 1024K or plain bytes (powers of 1024, as -Xmx). */
public final class MemorySize {

    private MemorySize() {
    }

    public static long parse(String text, String option) {
        String t = text.trim().toUpperCase(Locale.ROOT).replaceFirst("I?B$", "");
        double factor = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            factor = Math.pow(1024, "KMGT".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t);
            if (value > 0 && Double.isFinite(value)) {
                return (long) (value * factor);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UserError(option + ": '" + text + "' is not a memory size (e.g. 8G, 512M)");
    }
}
