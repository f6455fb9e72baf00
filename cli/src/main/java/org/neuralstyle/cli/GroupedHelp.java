package org.neuralstyle.cli;

import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.options.JobOption;
import org.neuralstyle.job.options.JobOptions;
import org.neuralstyle.job.options.OptionGroup;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The option list of {@code --help} in groups with headings, the common ones first, so that the first screen
 * answers a new user: what goes in and out, and how much style. Options of a command not named here are listed
 * last, under "Other", so none is ever hidden.
 */
final class GroupedHelp implements CommandLine.IHelpSectionRenderer {

    /** The command line's own options (the rest are the jobs', grouped in their table) and their headings. */
    private static final Map<String, OptionGroup> OWN = Map.of("--settings-from", OptionGroup.INPUT_OUTPUT);

    /** The heading an option is listed under: a job option's group, else "Other", so that none is ever hidden. */
    static OptionGroup groupOf(String optionName, JobKind kind) {
        return JobOptions.find(optionName, kind).map(JobOption::group)
                .orElse(OWN.getOrDefault(optionName, OptionGroup.OTHER));
    }

    /** Puts the grouped list in place of picocli's single one, for a command and nothing else. */
    static void install(CommandLine command) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, new GroupedHelp());
    }

    @Override
    public String render(Help help) {
        CommandSpec spec = help.commandSpec();
        JobKind kind = spec.name().equals("video") ? JobKind.VIDEO : JobKind.IMAGE;
        // Within a group: the job's options in the table's order, then the command line's own.
        List<OptionSpec> ordered = new ArrayList<>();
        for (JobOption option : JobOptions.of(kind)) {
            OptionSpec found = spec.findOption(option.name());
            if (found != null) {
                ordered.add(found);
            }
        }
        spec.options().stream().filter(o -> !ordered.contains(o)).forEach(ordered::add);
        StringBuilder text = new StringBuilder();
        for (OptionGroup group : OptionGroup.values()) {
            Help.Layout layout = help.createDefaultLayout();
            for (OptionSpec option : ordered) {
                if (!option.hidden() && groupOf(option.longestName(), kind) == group) {
                    layout.addOption(option, help.parameterLabelRenderer());
                }
            }
            append(text, group.heading(), layout);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String heading, Help.Layout layout) {
        String options = layout.toString();
        if (!options.isBlank()) {
            text.append(String.format("%n%s:%n", heading)).append(options);
        }
    }
}
