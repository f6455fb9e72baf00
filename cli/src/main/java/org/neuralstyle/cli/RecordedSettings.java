package org.neuralstyle.cli;

import org.neuralstyle.image.EmbeddedSettings;
import org.neuralstyle.io.ShellWords;
import org.neuralstyle.models.Checksum;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a picture records of how it was made (carried in the file, {@link EmbeddedSettings}): the program's version,
 * the command that reproduces it, and its input files by name and SHA-256. The command is the one given, with the
 * choices the program made filled in (the random seed, the network it fell back to), and without the options that
 * only say where results go, so that {@code --settings-from PICTURE --output NEW} makes the same bytes.
 * <pre>
 * neural-style 0.1.0
 * command: neural-style --content photo.jpg --styles painting.jpg --seed 4711 --network squeezenet
 * input: photo.jpg sha256:3f...
 * input: painting.jpg sha256:9a...
 * </pre>
 */
record RecordedSettings(String version, List<String> arguments, Map<String, String> inputs) {

    /** Where results go and how the run reports: not part of what the picture is. */
    static final Set<String> NOT_RECORDED = Set.of("--output", "--overwrite", "--checkpoint-output",
            "--checkpoint-iterations", "--progress-plot", "--print-iterations", "--verbose", "--settings-from");

    private static final String COMMAND = "command: ";
    private static final String INPUT = "input: ";

    /** The settings of a run: its arguments as given, with the seed and network it used where they were not. */
    static RecordedSettings of(CommandSpec spec, List<String> given, long seed, String network, List<Path> inputs)
            throws IOException {
        OptionGroups groups = OptionGroups.of(spec, given);
        List<String> arguments = new ArrayList<>(groups.without(NOT_RECORDED));
        if (!groups.has("--seed")) {
            arguments.addAll(List.of("--seed", Long.toString(seed)));
        }
        if (!groups.has("--network") && !groups.has("--weights")) {
            arguments.addAll(List.of("--network", network));
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path input : inputs) {
            hashes.put(input.toString(), "sha256:" + Checksum.of(input, "SHA-256"));
        }
        return new RecordedSettings(spec.version()[0], List.copyOf(arguments), hashes);
    }

    /** The command as a shell line. */
    String command() {
        List<String> command = new ArrayList<>(List.of("neural-style"));
        command.addAll(arguments);
        return ShellWords.quote(command);
    }

    /** The text carried in the picture. */
    String text() {
        StringBuilder text = new StringBuilder(version).append('\n');
        text.append(COMMAND).append(command()).append('\n');
        inputs.forEach((file, hash) -> text.append(INPUT).append(file).append(' ').append(hash).append('\n'));
        return text.toString();
    }

    /** The settings a picture carries; a one-line error naming the file where it carries none. */
    static RecordedSettings readFrom(Path picture, String option) throws IOException {
        Optional<String> text = EmbeddedSettings.read(picture);
        if (text.isEmpty()) {
            throw new UserError(option + picture + ": carries no neural-style settings (made by another program, "
                    + "or its metadata was removed)");
        }
        return parse(text.get(), picture, option);
    }

    static RecordedSettings parse(String text, Path picture, String option) {
        List<String> lines = text.lines().toList();
        String command = lines.stream().filter(l -> l.startsWith(COMMAND)).findFirst().orElse(null);
        if (lines.isEmpty() || command == null) {
            throw new UserError(option + picture + ": its neural-style settings are damaged (no command)");
        }
        List<String> words;
        try {
            words = ShellWords.split(command.substring(COMMAND.length()));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + picture + ": its neural-style settings are damaged (" + e.getMessage() + ")");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(INPUT)) {
                int space = line.lastIndexOf(' ');
                inputs.put(line.substring(INPUT.length(), space), line.substring(space + 1));
            }
        }
        return new RecordedSettings(lines.get(0), words.subList(Math.min(1, words.size()), words.size()), inputs);
    }

    /** The inputs that are here under their recorded names but are no longer the same files. */
    List<String> changedInputs() throws IOException {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            Path file = Path.of(input.getKey());
            if (Files.isRegularFile(file) && !("sha256:" + Checksum.of(file, "SHA-256")).equals(input.getValue())) {
                changed.add(input.getKey());
            }
        }
        return changed;
    }
}
