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
        styles = styles == null ? List.of() : List.copyOf(styles);
        styleWeights = styleWeights == null ? List.of() : List.copyOf(styleWeights);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public JobSpec withSeed(long chosen) {
        return new JobSpec(content, styles, styleWeights, network, preset, options, chosen);
    }
}
