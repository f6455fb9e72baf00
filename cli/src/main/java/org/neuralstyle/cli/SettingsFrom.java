package org.neuralstyle.cli;

import org.neuralstyle.job.RecordedSettings;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code --settings-from PICTURE}: the command a picture recorded ({@link RecordedSettings}), with the options given
 * now laid over it, each given option replacing the recorded one of the same name. Done before parsing, so that the
 * run that follows is an ordinary run of the merged command and records it in turn.
 */
final class SettingsFrom {

    static final String OPTION = "--settings-from";

    private SettingsFrom() {
    }

    /** The arguments to run: unchanged without the option, else the picture's command under the given options. */
    static List<String> apply(CommandSpec spec, List<String> given, PrintWriter err) throws IOException {
        if (!given.isEmpty() && spec.subcommands().containsKey(given.get(0))) {
            return given; // a subcommand's words: the option belongs to the single-picture command only
        }
        OptionGroups groups = OptionGroups.of(spec, given);
        if (!groups.has(OPTION)) {
            return given;
        }
        OptionGroups.Group group = groups.groups().stream()
                .filter(g -> g.option() != null && g.option().longestName().equals(OPTION)).findFirst().orElseThrow();
        String first = group.words().get(0);
        String value = first.contains("=") ? first.substring(first.indexOf('=') + 1)
                : group.words().size() > 1 ? group.words().get(1) : null;
        if (value == null || value.isEmpty()) {
            return given; // picocli says that the value is missing
        }
        Path picture = Path.of(value);
        RecordedSettings recorded = RecordedSettings.readFrom(picture, OPTION + " ");
        for (String changed : recorded.changedInputs()) {
            err.println("neural-style: note: " + changed + " is not the file " + picture + " was made from (its "
                    + "SHA-256 differs); the picture will differ too");
        }
        OptionGroups now = OptionGroups.of(spec, groups.without(Set.of(OPTION)));
        return OptionGroups.of(spec, recorded.arguments()).overlaidBy(now);
    }
}
