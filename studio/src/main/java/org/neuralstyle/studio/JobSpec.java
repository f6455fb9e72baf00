package org.neuralstyle.studio;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: a content image and style images (uploads, by id), their blend weights, the network, a
 * preset and option values (command line option name -> value; "true" for a flag). The seed is fixed at
 * submission, so the job and its copied command give the same picture.
 */
public record JobSpec(String content, List<String> styles, List<Double> styleWeights, String network,
                      String preset, Map<String, String> options, Long seed) {

    public JobSpec {
        // (Immutable lists refuse even to be asked whether they hold null: ask element by element.)
        if (hasEmpty(styles) || hasEmpty(styleWeights)) {
            throw new IllegalArgumentException((hasEmpty(styles) ? "styles" : "styleWeights") + ": an entry is empty");
        }
        if (options != null && (hasEmpty(options.keySet()) || hasEmpty(options.values()))) {
            throw new IllegalArgumentException("options: an option or its value is empty");
        }
        styles = styles == null ? List.of() : List.copyOf(styles);
        styleWeights = styleWeights == null ? List.of() : List.copyOf(styleWeights);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    private static boolean hasEmpty(java.util.Collection<?> values) {
        return values != null && values.stream().anyMatch(java.util.Objects::isNull);
    }

    public JobSpec withSeed(long chosen) {
        return new JobSpec(content, styles, styleWeights, network, preset, options, chosen);
    }
}
