package org.neuralstyle.cli;

import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.options.JobOption;
import org.neuralstyle.job.options.JobOptions;
import org.neuralstyle.job.options.RequestBuilder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The job options ({@link JobOptions}) as picocli reads them: the command line's stylize and video commands take
 * their options from that table, so that the studio and batch, which read the same table without picocli, take
 * exactly the same options with the same help and defaults.
 */
final class JobOptionSpecs {

    /** The options a video needs (picocli says which are missing); a picture's are checked by its command. */
    private static final Set<String> REQUIRED_FOR_VIDEO = Set.of("--content", "--output");

    private JobOptionSpecs() {
    }

    /** Adds a kind of job's options to a command. */
    static void addTo(CommandSpec command, JobKind kind) {
        for (JobOption option : JobOptions.of(kind)) {
            command.addOption(specOf(option, kind == JobKind.VIDEO && REQUIRED_FOR_VIDEO.contains(option.name())));
        }
    }

    /** Adds some of the options to a command outside jobs that takes them too. */
    static void addTo(CommandSpec command, JobKind kind, List<String> names) {
        for (String name : names) {
            command.addOption(specOf(JobOptions.find(name, kind).orElseThrow(), false));
        }
    }

    private static OptionSpec specOf(JobOption option, boolean required) {
        // picocli formats descriptions: a % of the help text is written %%.
        OptionSpec.Builder spec = OptionSpec.builder(option.names().toArray(String[]::new))
                .description(option.help().replace("%", "%%")).required(required);
        switch (option.shape()) {
            case FLAG -> spec.type(boolean.class).arity("0");
            case SWITCH -> spec.type(boolean.class).negatable(true).defaultValue("true").fallbackValue("true");
            case VALUE -> spec.type(option.type()).paramLabel(option.label());
            case LIST -> spec.type(List.class).auxiliaryTypes(option.type()).splitRegex(",").arity("1..*")
                    .paramLabel(option.label());
            case WORDS -> spec.type(List.class).auxiliaryTypes(option.type()).arity("1..*").paramLabel(option.label());
        }
        return spec.build();
    }

    /** The request of the options given on a command's line; what was not given keeps its default. */
    static RequestBuilder read(ParseResult parsed, JobKind kind) {
        RequestBuilder request = new RequestBuilder();
        for (JobOption option : JobOptions.of(kind)) {
            OptionSpec spec = parsed.commandSpec().findOption(option.name());
            if (parsed.hasMatchedOption(spec)) {
                option.assign(request, spec.getValue());
            }
        }
        return request;
    }

    /** A given option's value, if it was given. */
    static <T> Optional<T> given(ParseResult parsed, String name) {
        return parsed.hasMatchedOption(name) ? Optional.ofNullable(parsed.matchedOptionValue(name, null))
                : Optional.empty();
    }
}
