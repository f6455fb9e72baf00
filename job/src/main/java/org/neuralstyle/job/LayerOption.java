package org.neuralstyle.job;

import org.neuralstyle.network.NetworkArchitecture;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --style-layers relu1_1:256,relu2_1:64} or plain names (weight 1 each), checked against the network. */
final class LayerOption {

    private LayerOption() {
    }

    /** The layers with their weights, in order; empty for no option (the network's default). */
    static Map<String, Double> parse(String value, NetworkArchitecture architecture, String option) {
        Map<String, Double> layers = new LinkedHashMap<>();
        if (value == null) {
            return layers;
        }
        for (String item : value.split(",")) {
            String[] parts = item.trim().split(":", 2);
            String name = parts[0].trim();
            if (!architecture.hasLayer(name)) {
                throw new UserError(option + ": " + architecture.name() + " has no layer '" + name + "' (its layers: "
                        + String.join(", ", architecture.layerNames()) + ")");
            }
            double weight;
            try {
                weight = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : 1;
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + parts[1] + "' is not a weight (use LAYER:WEIGHT, e.g. relu1_1:2)");
            }
            StyleChoices.requireNonNegative(weight, option);
            if (layers.put(name, weight) != null) {
                throw new UserError(option + ": layer '" + name + "' is given twice");
            }
        }
        if (layers.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new UserError(option + ": the weights must not all be zero");
        }
        return layers;
    }
}
