package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageEncoding;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.io.ShellWords;
import org.neuralstyle.job.run.ArgumentRun;
import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.neuralstyle.testing.SharedData;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code neural-style} command in the README and the docs pages is one the program takes: a stylize or video
 * command goes through the check-only pass (options parsed and checked, inputs read, outputs and memory planned, no
 * work done) on real files under the names the command uses; every other command is parsed. So the documents
 * cannot drift from the program.
 */
class DocumentedCommandsTest {

    @TempDir
    Path world;

    private static final Pattern PATH_LIKE = Pattern.compile("[\\w~./%-]+\\.(jpg|png|tif|mp4|avi|onnx|yaml)|[\\w.-]+/");
    private static final Set<String> PATH_OPTIONS = Set.of("--output", "--content", "--styles", "--checkpoint-output",
            "--progress-plot", "--settings-from", "--initial", "--weights");

    /** The commands of a Markdown file's code blocks, continuation lines joined and comments dropped. */
    static List<String> commands(Path markdown) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder current = null;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            String text = line.strip().replaceFirst("\\s+#\\s.*$", "");
            if (!inBlock || (current == null && !text.matches("(\\./)?neural-style( .*)?"))) {
                continue;
            }
            boolean continues = text.endsWith("\\");
            String part = continues ? text.substring(0, text.length() - 1).strip() : text;
            current = current == null ? new StringBuilder(part) : current.append(' ').append(part);
            if (!continues) {
                commands.add(current.toString());
                current = null;
            }
        }
        return commands;
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyDocumentedCommandIsOneTheProgramTakes() throws Exception {
        int checked = 0;
        int parsed = 0;
        for (Path document : documents()) {
            for (String command : commands(document)) {
                List<String> words = ShellWords.split(command);
                List<String> args = words.subList(1, words.size());
                String what = document.getFileName() + ": " + command;
                String first = args.isEmpty() ? "" : args.get(0);
                if (first.equals("video") || first.startsWith("--")) {
                    List<String> real = inWorld(args);
                    StringWriter err = new StringWriter();
                    real = SettingsFrom.apply(Main.commandLine(new PrintWriter(Writer.nullWriter()),
                            new PrintWriter(err)).getCommandSpec(), real, new PrintWriter(err));
                    // The command line reads it, and so does the jobs' own reader (the studio's and batch's), with
                    // every check a run makes before its work.
                    try {
                        Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))
                                .parseArgs(real.toArray(String[]::new));
                    } catch (CommandLine.ParameterException e) {
                        throw new AssertionError(what + " -> " + e.getMessage(), e);
                    }
                    ArgumentRun.Result result = ArgumentRun.check(real);
                    assertThat(result.succeeded()).as(what + " -> " + result.message()).isTrue();
                    checked++;
                } else {
                    CommandLine cli = Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
                    List<String> given = first.equals("batch") ? batch(cli, args) : args;
                    try {
                        cli.parseArgs(given.toArray(String[]::new));
                    } catch (CommandLine.ParameterException e) {
                        throw new AssertionError(what + " -> " + e.getMessage(), e);
                    }
                    parsed++;
                }
            }
        }
        assertThat(checked).as("stylize and video commands checked").isGreaterThanOrEqualTo(6);
        assertThat(parsed).as("other commands parsed").isGreaterThanOrEqualTo(8);
    }

    private static List<String> batch(CommandLine cli, List<String> args) {
        List<String> batch = new ArrayList<>(List.of("batch"));
        batch.addAll(BatchArguments.normalise(cli.getSubcommands().get("batch").getCommandSpec(), cli.getCommandSpec(),
                cli.getSubcommands().get("video").getCommandSpec(), args.subList(1, args.size())));
        return batch;
    }

    /** The arguments with each relative file name made a file in the test's folder: inputs real, outputs absent. */
    private List<String> inWorld(List<String> args) throws IOException {
        List<String> real = new ArrayList<>();
        String option = "";
        for (String word : args) {
            boolean isPath = !word.startsWith("-") && (PATH_OPTIONS.contains(option) || PATH_LIKE.matcher(word).matches());
            if (word.startsWith("-")) {
                option = word;
            }
            if (!word.startsWith("-") && option.equals("--style-masks")) { // a comma list of mask images
                List<String> masks = new ArrayList<>();
                for (String mask : word.split(",")) {
                    Path file = world.resolve(mask);
                    if (!Files.exists(file)) {
                        make(file);
                    }
                    masks.add(file.toString());
                }
                real.add(String.join(",", masks));
                continue;
            }
            if (!isPath) {
                real.add(word);
                continue;
            }
            Path file = world.resolve(word);
            boolean output = option.equals("--output") || option.equals("--checkpoint-output")
                    || option.equals("--progress-plot");
            if (!output && !Files.exists(file)) {
                make(file);
            }
            real.add(file.toString());
        }
        return real;
    }

    private void make(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        if (name.endsWith(".mp4") || name.endsWith(".avi")) {
            Files.copy(SharedData.media("video/tree.avi"), file);
        } else if (name.endsWith(".onnx")) {
            Files.copy(BuiltInSqueezeNet.file(), file);
        } else if (name.equals("out.png")) {
            // A picture made before, carrying its settings, for the --settings-from recipe.
            Path photo = world.resolve("made-from.jpg");
            Files.copy(SharedData.media("content/chelsea.png"), world.resolve("made-from.png"));
            ImageFiles.write(ImageFiles.read(world.resolve("made-from.png")), photo);
            String settings = "neural-style 0.1.0\ncommand: " + ShellWords.quote(List.of("neural-style", "--content",
                    photo.toString(), "--styles", SharedData.media("style/starry_night.jpg").toString(), "--network",
                    "squeezenet", "--seed", "1")) + "\n";
            ImageFiles.write(ImageFiles.read(photo), null, file, ImageEncoding.DEFAULT.withSettings(settings));
        } else {
            String source = name.contains("starry") || name.contains("picasso") || name.contains("painting")
                    || name.contains("princess") ? "style/starry_night.jpg" : "content/chelsea.png";
            ImageFiles.write(ImageFiles.read(SharedData.media(source)), file);
        }
    }
}
