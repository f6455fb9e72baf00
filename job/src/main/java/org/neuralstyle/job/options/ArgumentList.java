package org.neuralstyle.job.options;

import org.neuralstyle.job.ImageRequest;
import org.neuralstyle.job.UserError;
import org.neuralstyle.job.VideoRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job given as the program's words ({@code --content a.jpg --styles b.jpg --output c.png ...}, or {@code video ...}
 * for a video), read with the jobs' option table and no command-line library: how the studio and batch, which keep a
 * job as the command that reproduces it, turn it back into a request. It reads the words as the command line does
 * ({@code --width 512} or {@code --width=512}, lists at commas, {@code --no-keep-best}), and refuses what it refuses in
 * the same words.
 */
public final class ArgumentList {

    /** The word before a video job's options. */
    public static final String VIDEO = "video";

    private final JobKind kind;
    private final List<Given> given;

    /** One option as given: its words (the option's own first) and its values as text, split where it is a list. */
    private record Given(JobOption option, List<String> words, List<String> values) {
    }

    private ArgumentList(JobKind kind, List<Given> given) {
        this.kind = kind;
        this.given = given;
    }

    /** Reads the words; a word that is no option of the job, or a value that is not one, is the user's error. */
    public static ArgumentList read(List<String> words) {
        JobKind kind = !words.isEmpty() && words.get(0).equals(VIDEO) ? JobKind.VIDEO : JobKind.IMAGE;
        int start = kind == JobKind.VIDEO ? 1 : 0;
        List<Given> given = new ArrayList<>();
        int i = start;
        while (i < words.size()) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            String name = word.startsWith("--") && equals > 0 ? word.substring(0, equals) : word;
            boolean negated = false;
            JobOption option = JobOptions.find(name, kind).orElse(null);
            if (option == null && name.startsWith("--no-")) {
                option = JobOptions.find("--" + name.substring("--no-".length()), kind)
                        .filter(o -> o.shape() == JobOption.Shape.SWITCH).orElse(null);
                negated = option != null;
            }
            if (option == null) {
                throw new UserError(word.startsWith("-") && !isNumber(word) ? "Unknown option: '" + name + "'"
                        : "Unmatched argument at index " + (i - start) + ": '" + word + "'");
            }
            List<String> optionWords = new ArrayList<>(List.of(word));
            List<String> values = new ArrayList<>();
            i++;
            if (!option.takesValue()) {
                if (equals > 0) {
                    throw new UserError("option '" + option.name() + "' should be specified without '"
                            + word.substring(equals + 1) + "' parameter");
                }
                values.add(Boolean.toString(!negated));
            } else {
                List<String> texts = new ArrayList<>();
                if (equals > 0) {
                    texts.add(word.substring(equals + 1));
                }
                // A list takes the words up to the next option; a value takes one.
                while (i < words.size() && !isOption(words.get(i), kind)
                        && (texts.isEmpty() || option.takesList())) {
                    texts.add(words.get(i));
                    optionWords.add(words.get(i));
                    i++;
                }
                if (texts.isEmpty()) {
                    throw new UserError(i < words.size()
                            ? "Expected parameter for option '" + option.name() + "' but found '" + words.get(i) + "'"
                            : "Missing required parameter for option '" + option.name() + "' (" + option.label() + ")");
                }
                for (String text : texts) {
                    values.addAll(option.shape() == JobOption.Shape.LIST ? List.of(text.split(",")) : List.of(text));
                }
            }
            JobOption found = option;
            if (!option.takesList() && given.stream().anyMatch(g -> g.option() == found)) {
                throw new UserError("option '" + option.name() + "'" + (option.takesValue() ? " (" + option.label()
                        + ")" : "") + " should be specified only once");
            }
            given.add(new Given(option, optionWords, values));
        }
        return new ArgumentList(kind, given);
    }

    private static boolean isOption(String word, JobKind kind) {
        if (!word.startsWith("-") || isNumber(word)) {
            return false;
        }
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return JobOptions.find(name, kind).isPresent() || name.startsWith("--");
    }

    /** A negative value such as {@code --style-weight -1} is the option's word, not an option. */
    public static boolean isNumber(String word) {
        try {
            Double.parseDouble(word);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public JobKind kind() {
        return kind;
    }

    /** Whether an option was given (by its main name). */
    public boolean has(String name) {
        return given.stream().anyMatch(g -> g.option().name().equals(name));
    }

    /** The request the words ask for; what was not given keeps its default. */
    public RequestBuilder request() {
        RequestBuilder request = new RequestBuilder();
        Map<JobOption, List<String>> values = new LinkedHashMap<>();
        for (Given g : given) {
            values.computeIfAbsent(g.option(), o -> new ArrayList<>()).addAll(g.values());
        }
        values.forEach((option, texts) -> option.assign(request, option.parse(texts)));
        return request;
    }

    /** A picture's request, recording the words that say how it was made (not where results go). */
    public ImageRequest image(String version) {
        requireGiven("--content", "--styles", "--output");
        List<String> recorded = new ArrayList<>();
        given.stream().filter(g -> g.option().recorded()).forEach(g -> recorded.addAll(g.words()));
        return request().image(version, recorded);
    }

    /** A video's request, its signature made of the options that change its frames (names sorted). */
    public VideoRequest video() {
        requireGiven("--content", "--output", "--styles");
        Map<String, List<String>> signature = new TreeMap<>();
        for (Given g : given) {
            if (g.option().changesFrames()) {
                signature.computeIfAbsent(g.option().name(), n -> new ArrayList<>()).addAll(g.values());
            }
        }
        Map<String, String> text = new TreeMap<>();
        signature.forEach((name, values) -> text.put(name, values.toString()));
        return request().video(text.toString());
    }

    private void requireGiven(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!has(name)) {
                missing.add("'" + name + "=" + JobOptions.find(name, kind).orElseThrow().label()
                        + (name.equals("--styles") ? "..." : "") + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError("Missing required option" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing));
        }
    }
}
