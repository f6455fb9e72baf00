package org.neuralstyle.cli;

import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleLoss;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;
import org.neuralstyle.optim.LearningRateSchedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiFunction;

/**
 * The defaults the help text shows ({@code ${bundle:default.content-weight}} in an option's description), taken from
 * the one source the library reads ({@link StyleTransferOptions#defaults}), so help and behaviour cannot drift.
 * Where a network's default differs from VGG-19's, both are shown: "5; squeezenet 0.006".
 */
final class DefaultsHelp extends ResourceBundle {

    private static final String DEFAULT_NETWORK = "vgg19";

    private final Map<String, String> texts = new LinkedHashMap<>();

    DefaultsHelp() {
        put("default.iterations", (n, o) -> o.iterations());
        put("default.content-weight", (n, o) -> o.contentWeight());
        put("default.content-weight-blend", (n, o) -> o.contentWeightBlend());
        put("default.style-weight", (n, o) -> o.styleWeight());
        put("default.style-layer-weight-exp", (n, o) -> o.styleLayerWeightExp());
        put("default.tv-weight", (n, o) -> o.tvWeight());
        put("default.learning-rate", (n, o) -> o.adam().schedule().rateAt(0));
        put("default.learning-rate-schedule", (n, o) -> o.adam().schedule() instanceof LearningRateSchedule.Annealed a
                ? "annealed to " + text(a.finalRate()) : "constant");
        put("default.average-decay", (n, o) -> o.averageDecay());
        put("default.lbfgs-history", (n, o) -> o.lbfgsHistorySize());
        put("default.beta1", (n, o) -> o.adam().beta1());
        put("default.beta2", (n, o) -> o.adam().beta2());
        put("default.epsilon", (n, o) -> o.adam().epsilon());
        put("default.pooling", (n, o) -> o.pooling().name().toLowerCase(Locale.ROOT));
        put("default.initial", (n, o) -> o.initialization().kind().name().toLowerCase(Locale.ROOT));
        put("default.content-layers", (n, o) -> layers(LossSpec.of(o, n, new double[] {1}).contentLayers()));
        put("default.style-layers", (n, o) -> layers(LossSpec.of(o, n, new double[] {1}).styleLayers()));
    }

    private void put(String key, BiFunction<NetworkArchitecture, StyleTransferOptions, Object> value) {
        String main = text(value.apply(Networks.byName(DEFAULT_NETWORK),
                StyleTransferOptions.defaults(Networks.byName(DEFAULT_NETWORK))));
        StringBuilder others = new StringBuilder();
        for (String network : Networks.names()) {
            NetworkArchitecture architecture = Networks.byName(network);
            String other = text(value.apply(architecture, StyleTransferOptions.defaults(architecture)));
            if (!other.equals(main)) {
                others.append("; ").append(network).append(' ').append(other);
            }
        }
        // Neural neighbours' weights and steps are their own, the same on every network.
        Object neighbours = value.apply(Networks.byName(DEFAULT_NETWORK),
                StyleTransferOptions.defaults(Networks.byName(DEFAULT_NETWORK), StyleLoss.Kind.NEIGHBOURS));
        if (NEIGHBOUR_KEYS.contains(key) && !text(neighbours).equals(main)) {
            others.append("; --style-loss neighbours ").append(text(neighbours));
        }
        texts.put(key, main + others);
    }

    private static final java.util.Set<String> NEIGHBOUR_KEYS = java.util.Set.of("default.content-weight",
            "default.style-weight", "default.tv-weight", "default.learning-rate", "default.learning-rate-schedule");

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

    static String text(Object value) {
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

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(List.copyOf(texts.keySet()));
    }
}
