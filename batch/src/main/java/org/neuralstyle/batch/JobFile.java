package org.neuralstyle.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a job file (YAML, or JSON, which is YAML too): {@code output}, {@code options}, {@code contents},
 * {@code styles}, {@code sweep} and {@code jobs}; see the README's "Batch". Paths are relative to the file's
 * folder. Every mistake is one line naming the file and the key.
 */
public final class JobFile {

    private static final Set<String> KEYS = Set.of("output", "options", "contents", "styles", "sweep", "jobs");
    private static final Set<String> JOB_KEYS = Set.of("content", "styles", "options");

    private JobFile() {
    }

    /** The spec of a job file; {@code outputOverride} (--output-dir) replaces its output where given. */
    public static BatchSpec read(Path file, Path outputOverride) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such job file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a YAML or JSON job file ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": a job file is a mapping of output, options, contents, styles, "
                    + "sweep and jobs");
        }
        Path base = file.toAbsolutePath().getParent();
        String where = file.toString();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (use " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        Path output = outputOverride != null ? outputOverride
                : root.has("output") ? base.resolve(text(root.get("output"), where + ": output")) : null;
        List<BatchSpec.Explicit> jobs = new ArrayList<>();
        JsonNode jobList = root.path("jobs");
        if (!jobList.isMissingNode() && !jobList.isArray()) {
            throw new IllegalArgumentException(where + ": jobs must be a list");
        }
        for (int i = 0; i < jobList.size(); i++) {
            JsonNode job = jobList.get(i);
            String at = where + ": jobs[" + i + "]";
            if (!job.isObject() || !job.has("content") || !job.has("styles")) {
                throw new IllegalArgumentException(at + ": a job needs content and styles");
            }
            for (Iterator<String> names = job.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!JOB_KEYS.contains(key)) {
                    throw new IllegalArgumentException(at + ": unknown key '" + key + "' (use content, styles, options)");
                }
            }
            jobs.add(new BatchSpec.Explicit(base.resolve(text(job.get("content"), at + ".content")),
                    paths(base, job.get("styles"), at + ".styles"), options(job.path("options"), at + ".options")));
        }
        try {
            return new BatchSpec(output, options(root.path("options"), where + ": options"),
                    paths(base, root.get("contents"), where + ": contents"), paths(base, root.get("styles"), where + ": styles"),
                    sweep(root.path("sweep"), where + ": sweep"), jobs);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** The spec as a job file (JSON, absolute paths) that reads back as the same jobs: what a cluster's parts read. */
    public static void write(BatchSpec spec, Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("output", spec.output().toAbsolutePath().toString());
        json.put("options", spec.options());
        json.put("contents", spec.contents().stream().map(Path::toString).toList());
        json.put("styles", spec.styles().stream().map(Path::toString).toList());
        json.put("sweep", spec.sweep());
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (BatchSpec.Explicit job : spec.jobs()) {
            jobs.add(Map.of("content", job.content().toString(),
                    "styles", job.styles().stream().map(Path::toString).toList(), "options", job.options()));
        }
        json.put("jobs", jobs);
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String text(JsonNode node, String where) {
        if (node == null || !node.isValueNode() || node.asText().isBlank()) {
            throw new IllegalArgumentException(where + " must be a value");
        }
        return node.asText();
    }

    private static List<Path> paths(Path base, JsonNode node, String where) {
        List<Path> paths = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return paths;
        }
        if (node.isValueNode()) {
            paths.add(base.resolve(text(node, where)));
        } else if (node.isArray()) {
            node.forEach(item -> paths.add(base.resolve(text(item, where))));
        } else {
            throw new IllegalArgumentException(where + " must be a file, a folder or a list of them");
        }
        return paths;
    }

    /** name -> value; a list becomes comma-separated values (--scales 256,512); booleans are flags. */
    static Map<String, String> options(JsonNode node, String where) {
        Map<String, String> options = new LinkedHashMap<>();
        optionValues(node, where, " must be a mapping of option names to values")
                .forEach((name, values) -> options.put(name, String.join(",", values)));
        return options;
    }

    private static Map<String, List<String>> sweep(JsonNode node, String where) {
        return optionValues(node, where, " must map option names to lists of values");
    }

    /** A mapping of option names to a value or a list of values, each checked; empty where the key is absent. */
    private static Map<String, List<String>> optionValues(JsonNode node, String where, String shape) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return options;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + shape);
        }
        node.fields().forEachRemaining(field -> {
            String name = optionName(field.getKey(), where);
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> values.add(text(v, where + "." + name)));
            } else {
                values.add(text(field.getValue(), where + "." + name));
            }
            options.put(name, values);
        });
        return options;
    }

    /** An option's name without its dashes; the inputs and output are the batch's to set. */
    public static String optionName(String given, String where) {
        String name = given.replaceFirst("^--", "").toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(where + ": '" + given + "' is not an option name");
        }
        if (Set.of("content", "styles", "output", "overwrite").contains(name)) {
            throw new IllegalArgumentException(where + ": " + name + " is set by the batch, not as an option");
        }
        return name;
    }
}
