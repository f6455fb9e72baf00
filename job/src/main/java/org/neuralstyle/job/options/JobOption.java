package org.neuralstyle.job.options;

import org.neuralstyle.job.UserError;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One option of a job, declared once for every front end: its name, the label and help text that {@code --help} and
 * the studio's form show (its default in it, from the source the run reads), its heading, the shape and type of its
 * value, which jobs take it, and where its value goes in the request. The command line hands these to picocli; the
 * studio and batch read values with {@link #parse} and {@link #assign} directly.
 *
 * @param aliases       other spellings ({@code -v})
 * @param forStudio     whether a studio job may set it: not the options the studio decides (inputs, output, seed)
 *                      nor those that name files on the server
 * @param recorded      whether a picture records it among the settings it was made with (not where results go)
 * @param changesFrames whether a video's rerun with another value is another job (its signature holds it)
 */
public record JobOption(String name, List<String> aliases, String label, String help, OptionGroup group, Shape shape,
                        Class<?> type, Set<JobKind> kinds, boolean forStudio, boolean recorded, boolean changesFrames,
                        BiConsumer<RequestBuilder, Object> assigner) {

    /** How an option's words carry its value. */
    public enum Shape {
        /** No value: given means on. */
        FLAG,
        /** On by default; {@code --no-NAME} turns it off. */
        SWITCH,
        /** One value. */
        VALUE,
        /** Values separated by commas: {@code --style-scales 1,0.5}. */
        LIST,
        /** One or more words: {@code --styles a.jpg b.jpg}. */
        WORDS
    }

    public JobOption {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        kinds = Set.copyOf(kinds);
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --: " + name);
        }
    }

    /** Its names, the main one first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases);
        names.add(0, name);
        return names;
    }

    public boolean takesValue() {
        return shape != Shape.FLAG && shape != Shape.SWITCH;
    }

    public boolean takesList() {
        return shape == Shape.LIST || shape == Shape.WORDS;
    }

    public boolean appliesTo(JobKind kind) {
        return kinds.contains(kind);
    }

    /** Puts a value read for this option (of its type; a list for lists; a Boolean for flags) into the request. */
    public void assign(RequestBuilder request, Object value) {
        assigner.accept(request, value);
    }

    /**
     * The value of this option's text as a front end without picocli reads it: a list for lists (split at commas, or
     * one word each for {@link Shape#WORDS}), true or false for flags. A text that is not one is the user's error, in
     * the words the command line uses.
     */
    public Object parse(List<String> words) {
        if (!takesValue()) {
            return Boolean.parseBoolean(words.get(0));
        }
        if (!takesList()) {
            return parseOne(words.get(0));
        }
        List<Object> values = new ArrayList<>();
        for (String word : words) {
            for (String part : shape == Shape.LIST ? word.split(",") : new String[] {word}) {
                values.add(parseOne(part));
            }
        }
        return values;
    }

    private Object parseOne(String text) {
        try {
            if (type == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (type == Long.class) {
                return Long.valueOf(text.trim());
            }
            if (type == Double.class) {
                return Double.valueOf(text.trim());
            }
            if (type == Path.class) {
                return Path.of(text);
            }
            return text;
        } catch (NumberFormatException | InvalidPathException e) {
            throw new UserError("Invalid value for option '" + name + "': '" + text + "' is not "
                    + (type == Double.class ? "a double" : type == Path.class ? "a path"
                    : "an " + type.getSimpleName().toLowerCase(Locale.ROOT).replace("integer", "int")));
        }
    }
}
