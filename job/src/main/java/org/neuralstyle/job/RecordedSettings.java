package org.neuralstyle.job;

import org.neuralstyle.image.EmbeddedSettings;
import org.neuralstyle.io.ShellWords;
import org.neuralstyle.models.Checksum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
public record RecordedSettings(String version, List<String> arguments, Map<String, String> inputs) {

    /** The program's name and version, as {@code --version} says it and pictures record it. */
    public static final String PROGRAM_VERSION = "neural-style 0.1.0";

    private static final String COMMAND = "command: ";
    private static final String INPUT = "input: ";

    /**
     * The settings of a run: its arguments as given (without the options that say where results go), with the seed
     * and network it used where they were not given.
     */
    public static RecordedSettings of(String version, List<String> given, long seed, String network, List<Path> inputs)
            throws IOException {
        List<String> arguments = new ArrayList<>(given);
        if (!mentions(given, "--seed")) {
            arguments.addAll(List.of("--seed", Long.toString(seed)));
        }
        if (!mentions(given, "--network") && !mentions(given, "--weights")) {
            arguments.addAll(List.of("--network", network));
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path input : inputs) {
            hashes.put(input.toString(), "sha256:" + Checksum.of(input, "SHA-256"));
        }
        return new RecordedSettings(version, List.copyOf(arguments), hashes);
    }

    private static boolean mentions(List<String> arguments, String option) {
        return arguments.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    /** The command as a shell line. */
    public String command() {
        List<String> command = new ArrayList<>(List.of("neural-style"));
        command.addAll(arguments);
        return ShellWords.quote(command);
    }

    /** The text carried in the picture. */
    public String text() {
        StringBuilder text = new StringBuilder(version).append('\n');
        text.append(COMMAND).append(command()).append('\n');
        inputs.forEach((file, hash) -> text.append(INPUT).append(file).append(' ').append(hash).append('\n'));
        return text.toString();
    }

    /** The settings a picture carries; a one-line error naming the file where it carries none. */
    public static RecordedSettings readFrom(Path picture, String option) throws IOException {
        Optional<String> text = EmbeddedSettings.read(picture);
        if (text.isEmpty()) {
            throw new UserError(option + picture + ": carries no neural-style settings (made by another program, "
                    + "or its metadata was removed)");
        }
        return parse(text.get(), picture, option);
    }

    public static RecordedSettings parse(String text, Path picture, String option) {
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
    public List<String> changedInputs() throws IOException {
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
