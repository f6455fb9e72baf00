package org.neuralstyle.cli;

import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.network.Networks;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The defaults the help text shows ({@code ${bundle:default.content-weight}} in an option's description), taken from
 * the one source the library reads ({@link StyleTransferOptions#defaults}), so help and behaviour cannot drift.
 * Where a network's default differs from VGG-19's, both are shown: "5; squeezenet 0.006".
 */
final class DefaultsHelp extends ResourceBundle {

    private static final String DEFAULT_NETWORK = "vgg19";

    private final Map<String, String> texts = new LinkedHashMap<>();

    DefaultsHelp() {
        put("default.iterations", o -> o.iterations());
        put("default.content-weight", StyleTransferOptions::contentWeight);
        put("default.content-weight-blend", StyleTransferOptions::contentWeightBlend);
        put("default.style-weight", StyleTransferOptions::styleWeight);
        put("default.style-layer-weight-exp", StyleTransferOptions::styleLayerWeightExp);
        put("default.tv-weight", StyleTransferOptions::tvWeight);
        put("default.learning-rate", o -> o.adam().schedule().rateAt(0));
        put("default.lbfgs-history", o -> o.lbfgsHistorySize());
        put("default.beta1", o -> o.adam().beta1());
        put("default.beta2", o -> o.adam().beta2());
        put("default.epsilon", o -> o.adam().epsilon());
        put("default.pooling", o -> o.pooling().name().toLowerCase(Locale.ROOT));
    }

    private void put(String key, Function<StyleTransferOptions, Object> value) {
        String main = text(value.apply(StyleTransferOptions.defaults(Networks.byName(DEFAULT_NETWORK))));
        StringBuilder others = new StringBuilder();
        for (String network : Networks.names()) {
            String other = text(value.apply(StyleTransferOptions.defaults(Networks.byName(network))));
            if (!other.equals(main)) {
                others.append("; ").append(network).append(' ').append(other);
            }
        }
        texts.put(key, main + others);
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
