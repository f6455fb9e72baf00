package org.neuralstyle.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch asks for, from a job file or the command line: every content with every style (each style its own
 * job), the explicit jobs, each of them once for every combination of the swept values, all with the common
 * options. Paths are already resolved.
 *
 * @param options  option name (no dashes) -> value, for every job
 * @param contents content images, videos or folders of them
 * @param styles   style images or folders of them: each one is a job with each content
 * @param sweep    option name -> the values to try, in order
 * @param jobs     further jobs as given (their own styles are blended, their options added)
 */
public record BatchSpec(Path output, Map<String, String> options, List<Path> contents, List<Path> styles,
                        Map<String, List<String>> sweep, List<Explicit> jobs) {

    public BatchSpec {
        options = new LinkedHashMap<>(options);
        contents = List.copyOf(contents);
        styles = List.copyOf(styles);
        sweep = new LinkedHashMap<>(sweep);
        jobs = List.copyOf(jobs);
        if (output == null) {
            throw new IllegalArgumentException("no output folder: give 'output' in the job file or --output-dir");
        }
        if (contents.isEmpty() != styles.isEmpty()) {
            throw new IllegalArgumentException(contents.isEmpty() ? "styles are given but no contents"
                    : "contents are given but no styles");
        }
        if (contents.isEmpty() && jobs.isEmpty()) {
            throw new IllegalArgumentException("no jobs: give contents and styles, or jobs");
        }
        sweep.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("sweep " + name + ": give at least one value");
            }
        });
    }

    /** One job as written out in a job file. */
    public record Explicit(Path content, List<Path> styles, Map<String, String> options) {
        public Explicit {
            styles = List.copyOf(styles);
            options = new LinkedHashMap<>(options);
        }
    }

    /** Every job, once each, in name order (the order shards divide). */
    public List<BatchJob> expand() {
        Map<String, BatchJob> unique = new java.util.TreeMap<>(); // by name: each name computed once
        for (BatchJob job : expandedWithRepeats()) {
            unique.putIfAbsent(job.name(), job);
        }
        return List.copyOf(unique.values());
    }

    /** The jobs given more than once (the same inputs and options): each is run once, and the user is told. */
    public List<String> repeatedJobs() {
        Map<String, Integer> times = new java.util.TreeMap<>();
        expandedWithRepeats().forEach(job -> times.merge(job.name(), 1, Integer::sum));
        return times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private List<BatchJob> expandedWithRepeats() {
        List<Explicit> base = new ArrayList<>();
        for (Path content : MediaFiles.expand(contents, true, "contents")) {
            for (Path style : MediaFiles.expand(styles, false, "styles")) {
                base.add(new Explicit(content, List.of(style), Map.of()));
            }
        }
        base.addAll(jobs);
        List<BatchJob> all = new ArrayList<>();
        for (Explicit job : base) {
            for (Map<String, String> values : combinations()) {
                Map<String, String> options = new LinkedHashMap<>(this.options);
                options.putAll(job.options());
                options.putAll(values);
                all.add(new BatchJob(job.content(), job.styles(), options, values));
            }
        }
        return all;
    }

    /** Every combination of the swept values (one empty one without a sweep), the first option varying slowest. */
    List<Map<String, String>> combinations() {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> option : sweep.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (String value : option.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(combo);
                    extended.put(option.getKey(), value);
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }
}
