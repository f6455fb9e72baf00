package org.neuralstyle.engine;

import java.util.Locale;

/**
 * The number format the feature network computes in. The loss, its sums and Gram matrices, the gradient handed to
 * the optimiser and the optimiser's state stay in fp32 either way: only the convolutions, their activations and
 * their backward pass change.
 */
public enum Precision {
    /** 32-bit floats throughout. */
    FP32,
    /**
     * bfloat16 convolutions (8 bits of mantissa, fp32's range), cast from and back to fp32 around the network.
     * oneDNN runs them natively on CPUs with AVX512_BF16 or AMX ({@link CpuFeatures#hasBf16()}), where the
     * convolutions take about half the time (REFERENCE 5: 1.84x for a VGG-19 iteration on a Zen 4); elsewhere
     * TensorFlow emulates them, correctly but several times slower.
     */
    BF16;

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String name) {
        for (Precision p : values()) {
            if (p.optionName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + name + "' (use fp32, bf16 or auto)");
    }
}
