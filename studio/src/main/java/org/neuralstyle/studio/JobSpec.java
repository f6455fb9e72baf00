package org.neuralstyle.studio;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: a content image and style images (uploads, by id), their blend weights, where each style is
 * painted ({@code masks}: a mask upload per style, "" for everywhere; none given: everywhere), the network, a
 * preset and option values, and a title the page makes from the file names (shown on the card, naming the download) (command line option name -> value; "true" for a flag). The seed is fixed at
 * submission, so the job and its copied command give the same picture.
 */
public record JobSpec(String content, List<String> styles, List<Double> styleWeights, List<String> masks,
                      String network, String preset, Map<String, String> options, Long seed, String title) {

    /** The longest title kept: a card's line, a file name. */
    public static final int MAX_TITLE = 120;

    public JobSpec {
        // (Immutable lists refuse even to be asked whether they hold null: ask element by element.)
        if (hasEmpty(styles) || hasEmpty(styleWeights) || hasEmpty(masks)) {
            throw new IllegalArgumentException((hasEmpty(styles) ? "styles" : hasEmpty(styleWeights) ? "styleWeights"
                    : "masks") + ": an entry is empty");
        }
        if (options != null && (hasEmpty(options.keySet()) || hasEmpty(options.values()))) {
            throw new IllegalArgumentException("options: an option or its value is empty");
        }
        styles = styles == null ? List.of() : List.copyOf(styles);
        styleWeights = styleWeights == null ? List.of() : List.copyOf(styleWeights);
        masks = masks == null ? List.of() : List.copyOf(masks);
        options = options == null ? Map.of() : Map.copyOf(options);
        if (title != null) {
            title = title.replaceAll("\\p{Cntrl}", " ").strip();
            title = title.isEmpty() ? null : title.substring(0, Math.min(MAX_TITLE, title.length()));
        }
    }

    private static boolean hasEmpty(java.util.Collection<?> values) {
        return values != null && values.stream().anyMatch(java.util.Objects::isNull);
    }

    public JobSpec withSeed(long chosen) {
        return new JobSpec(content, styles, styleWeights, masks, network, preset, options, chosen, title);
    }
}
