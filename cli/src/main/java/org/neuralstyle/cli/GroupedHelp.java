package org.neuralstyle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The option list of {@code --help} in groups with headings, the common ones first, so that the first screen
 * answers a new user: what goes in and out, and how much style. Options of a command not named here are listed
 * last, under "Other", so none is ever hidden.
 */
final class GroupedHelp implements CommandLine.IHelpSectionRenderer {

    private static final Map<String, List<String>> GROUPS = groups();

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Input and output", List.of("--content", "--styles", "--output", "--overwrite", "--settings-from",
                "--bit-depth", "--jpeg-quality", "--checkpoint-output", "--checkpoint-iterations", "--progress-plot",
                "--print-iterations", "--keep-best", "--verbose"));
        g.put("Style", List.of("--style-strength", "--style-weight", "--content-weight", "--tv-weight", "--style-scales",
                "--style-masks", "--style-image-masks", "--regions-from", "--style-blend-weights", "--style-loss",
                "--content-loss", "--style-layers", "--content-layers", "--style-layer-weight-exp", "--content-weight-blend",
                "--pooling"));
        g.put("Size and memory", List.of("--width", "--scales", "--scale-iterations", "--tile-size", "--max-memory"));
        g.put("Colour", List.of("--colors", "--preserve-colors"));
        g.put("Optimisation", List.of("--iterations", "--seed", "--optimizer", "--initial", "--initial-noiseblend",
                "--learning-rate", "--learning-rate-decay", "--learning-rate-decay-steps", "--average-decay",
                "--carry-adam-state", "--lbfgs-history", "--beta1", "--beta2", "--epsilon"));
        g.put("Network and weights", List.of("--network", "--weights", "--input-normalization", "--precision",
                "--threads"));
        g.put("Video", List.of("--video-init", "--later-iterations", "--temporal-weight", "--temporal-frames",
                "--flow-tolerance", "--early-stop", "--frames", "--frame-rate", "--frames-folder", "--keep-frames"));
        return g;
    }

    /** The heading an option is listed under ("Other" for one no group names): the studio groups its form the same way. */
    static String groupOf(String optionName) {
        return GROUPS.entrySet().stream().filter(g -> g.getValue().contains(optionName)).map(Map.Entry::getKey)
                .findFirst().orElse("Other");
    }

    /** Puts the grouped list in place of picocli's single one, for a command and nothing else. */
    static void install(CommandLine command) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, new GroupedHelp());
    }

    @Override
    public String render(Help help) {
        CommandSpec spec = help.commandSpec();
        Set<OptionSpec> listed = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            Help.Layout layout = help.createDefaultLayout();
            for (String name : group.getValue()) {
                OptionSpec option = spec.findOption(name);
                if (option != null && !option.hidden() && listed.add(option)) {
                    layout.addOption(option, help.parameterLabelRenderer());
                }
            }
            append(text, group.getKey(), layout);
        }
        Help.Layout rest = help.createDefaultLayout();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && !listed.contains(option)) {
                rest.addOption(option, help.parameterLabelRenderer());
            }
        }
        append(text, "Other", rest);
        return text.toString();
    }

    private static void append(StringBuilder text, String heading, Help.Layout layout) {
        String options = layout.toString();
        if (!options.isBlank()) {
            text.append(String.format("%n%s:%n", heading)).append(options);
        }
    }
}
