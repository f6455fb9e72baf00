package org.neuralstyle.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One stylization of a batch: a content (image or video), its styles and options (command line names without
 * the dashes; "true" for a flag). Its name is made from what it is (content, styles, swept values) and a short
 * hash of its full arguments, so it is the same on every run and every machine, and a job whose options change
 * gets a new name instead of being skipped as done.
 *
 * @param sweep the values of this job's swept options (a column of the contact sheet)
 */
public record BatchJob(Path content, List<Path> styles, Map<String, String> options, Map<String, String> sweep) {

    /** Options that change how a job runs, not the picture: a job is the same job with or without them. */
    static final List<String> NOT_IN_NAME = List.of("threads", "max-memory");

    public BatchJob {
        Objects.requireNonNull(content, "content");
        styles = List.copyOf(styles);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one style");
        }
        options = Map.copyOf(new LinkedHashMap<>(options));
        sweep = new LinkedHashMap<>(sweep);
    }

    public boolean isVideo() {
        return MediaFiles.isVideo(content);
    }

    /** The program's arguments, writing to {@code output}. */
    /**
     * The program's arguments for this job: the options first, the styles last before the output, so that an option
     * the program does not know is refused as such and never taken for one more style's file name.
     */
    public List<String> arguments(Path output) {
        List<String> args = new ArrayList<>();
        if (isVideo()) {
            args.add("video");
        }
        args.addAll(optionWords());
        args.addAll(List.of("--content", content.toString(), "--styles"));
        styles.forEach(s -> args.add(s.toString()));
        args.addAll(List.of("--output", output.toString()));
        return args;
    }

    /** The options as words, in name order. */
    private List<String> optionWords() {
        List<String> words = new ArrayList<>();
        options.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(option -> {
            if (option.getValue().equals("true")) {
                words.add("--" + option.getKey());
            } else if (!option.getValue().equals("false")) {
                words.add("--" + option.getKey());
                words.add(option.getValue());
            }
        });
        return words;
    }

    /** The words a job's name is made from, in the order names have always been made (so old results are found). */
    private List<String> signatureWords() {
        List<String> words = new ArrayList<>();
        if (isVideo()) {
            words.add("video");
        }
        words.addAll(List.of("--content", content.toString(), "--styles"));
        styles.forEach(s -> words.add(s.toString()));
        words.addAll(optionWords());
        words.addAll(List.of("--output", "out"));
        return words;
    }

    /** The row of the contact sheet: content and styles. */
    /** What a row of the contact sheet holds: a content and its styles. */
    public record Inputs(Path content, List<Path> styles) {

        /** "content / style + style", each file named by the given function. */
        String label(java.util.function.Function<Path, String> name) {
            return name.apply(content) + " / " + styles.stream().map(name).collect(Collectors.joining(" + "));
        }
    }

    public Inputs inputs() {
        return new Inputs(content, styles);
    }

    public String rowLabel() {
        return inputs().label(BatchJob::stem);
    }

    /** The column of the contact sheet: the swept values ("" without a sweep). */
    public String columnLabel() {
        return sweep.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** content__style1+style2__key-value-hash6: readable, unique, the same on every run. */
    public String name() {
        StringBuilder name = new StringBuilder(safe(stem(content))).append("__")
                .append(styles.stream().map(s -> safe(stem(s))).collect(Collectors.joining("+")));
        sweep.forEach((key, value) -> name.append("__").append(safe(key)).append('-').append(safe(value)));
        String readable = name.length() > 120 ? name.substring(0, 120) : name.toString();
        List<String> signature = signatureWords();
        for (String unchanging : NOT_IN_NAME) { // how a job runs, not what it makes
            int at = signature.indexOf("--" + unchanging);
            if (at >= 0) {
                signature.subList(at, at + 2).clear();
            }
        }
        return readable + "-" + hash(String.join("\u0000", signature));
    }

    public String outputFileName() {
        return name() + (isVideo() ? ".mp4" : ".png");
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
