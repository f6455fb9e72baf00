package org.neuralstyle.job.options;

import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleLoss;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;
import org.neuralstyle.optim.LearningRateSchedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A default as the help text shows it, taken from the one source the library reads ({@link
 * StyleTransferOptions#defaults}), so help and behaviour cannot drift. Where a network's default differs from
 * VGG-19's, both are shown: "5; squeezenet 0.006"; where neural neighbours have their own, that too.
 */
public final class DefaultsText {

    private static final String DEFAULT_NETWORK = "vgg19";

    private DefaultsText() {
    }

    /** A value of the defaults on every network, as text. */
    static String of(BiFunction<NetworkArchitecture, StyleTransferOptions, Object> value) {
        return of(value, false);
    }

    /** The same, with neural neighbours' own default where it differs (weights and steps are theirs). */
    static String withNeighbours(BiFunction<NetworkArchitecture, StyleTransferOptions, Object> value) {
        return of(value, true);
    }

    private static String of(BiFunction<NetworkArchitecture, StyleTransferOptions, Object> value, boolean neighbours) {
        NetworkArchitecture vgg = Networks.byName(DEFAULT_NETWORK);
        String main = text(value.apply(vgg, StyleTransferOptions.defaults(vgg)));
        StringBuilder others = new StringBuilder();
        for (String network : Networks.names()) {
            NetworkArchitecture architecture = Networks.byName(network);
            String other = text(value.apply(architecture, StyleTransferOptions.defaults(architecture)));
            if (!other.equals(main)) {
                others.append("; ").append(network).append(' ').append(other);
            }
        }
        String ofNeighbours = text(value.apply(vgg, StyleTransferOptions.defaults(vgg, StyleLoss.Kind.NEIGHBOURS)));
        if (neighbours && !ofNeighbours.equals(main)) {
            others.append("; --style-loss neighbours ").append(ofNeighbours);
        }
        return main + others;
    }

    static String learningRateSchedule(LearningRateSchedule schedule) {
        return schedule instanceof LearningRateSchedule.Annealed a ? "annealed to " + text(a.finalRate()) : "constant";
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String contentLayers(NetworkArchitecture network, StyleTransferOptions options) {
        return layers(LossSpec.of(options, network, new double[] {1}).contentLayers());
    }

    static String styleLayers(NetworkArchitecture network, StyleTransferOptions options) {
        return layers(LossSpec.of(options, network, new double[] {1}).styleLayers());
    }

    /** The layers a loss uses with their normalised weights: relu0:0.901,fire3:0.0901. */
    private static String layers(Map<String, Double> weights) {
        if (weights.size() == 1) {
            return weights.keySet().iterator().next();
        }
        StringBuilder text = new StringBuilder();
        weights.forEach((layer, w) -> text.append(text.length() == 0 ? "" : ",").append(layer).append(':')
                .append(text(new BigDecimal(w).round(new MathContext(3)).doubleValue())));
        return text.toString();
    }

    /** A number as a person writes it: 0.006, 5, 1e-8, 1e10. */
    public static String text(Object value) {
        if (value instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-4 || a >= 1e7)) {
                return String.format(Locale.ROOT, "%.3g", d).replaceFirst("\\.?0+e", "e").replace("e-0", "e-")
                        .replace("e+0", "e").replace("e+", "e");
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
