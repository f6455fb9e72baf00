package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import org.neuralstyle.benchmark.IterationBenchmark;
import org.neuralstyle.benchmark.MatrixProductPeak;
import org.neuralstyle.benchmark.ProcessMemory;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Networks;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code neural-style bench}: the time of one optimisation iteration per network and size, its analytic GFLOP/s
 * and their share of this machine's peak measured in the same run, and peak memory. Each network and size runs
 * in a fresh JVM, so each peak-memory figure is its own.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = TimeToQualityCommand.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Measure iteration speed (random weights; speed does not depend on them) against this "
                + "machine's peak. `bench time-to-quality` measures wall time to a target loss instead.")
final class BenchCommand implements Callable<Integer> {

    private static final String RESULT_PREFIX = "RESULT ";

    @ParentCommand
    StylizeCommand parent;

    @Option(names = "--networks", split = ",", paramLabel = "NAME", defaultValue = "vgg19,squeezenet",
            description = "Networks to time (default: ${DEFAULT-VALUE}).")
    List<String> networks;

    @Option(names = "--sizes", split = ",", paramLabel = "PX", defaultValue = "256,512",
            description = "Square image sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Timed iterations per case; the median is reported (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--peak-size", paramLabel = "N", defaultValue = "2048",
            description = "Matrix size of the peak measurement, N x N times N x N (default: ${DEFAULT-VALUE}).")
    int peakSize;

    @Option(names = "--tile-sizes", split = ",", paramLabel = "PX", defaultValue = "0",
            description = "Evaluate whole (0) or tile by tile in cores of PX pixels with the context that keeps "
                    + "them exact, as a print-size run does; several to compare them in one run (default: "
                    + "${DEFAULT-VALUE}).")
    List<Integer> tileSizes;

    @Option(names = "--precisions", split = ",", paramLabel = "fp32|bf16|auto",
            description = "Time every case in each of these number formats, to compare them in one run (default: "
                    + "the --precision setting).")
    List<String> precisions;

    @Mixin
    JsonOutputOptions output;

    @Mixin
    EngineOptions engine;

    /** Internal: time one NETWORK:SIZE case in this JVM and print it as one RESULT line. */
    @Option(names = "--worker", hidden = true)
    String worker;

    @Override
    public Integer call() throws IOException, InterruptedException {
        check();
        if (worker != null) {
            return runWorker();
        }
        output.requireWritable();
        EngineSettings settings = engine.settings();
        MatrixProductPeak.Measurement peak = MatrixProductPeak.measure(settings, peakSize, 2, 5);
        formats().forEach(f -> f.notice().ifPresent(notice -> parent.err.println("neural-style: note: " + notice)));
        parent.out.printf(Locale.ROOT, "TensorFlow %s, %d threads; peak: %d x %d matrix product %.1f GFLOP/s%n",
                TensorFlow.version(), settings.intraOpThreads(), peakSize, peakSize, peak.gflops());
        parent.out.println(header());
        List<Map<String, String>> rows = new ArrayList<>();
        for (String network : networks) {
            for (int size : sizes) {
                for (int tileSize : tileSizes) {
                    for (EngineOptions format : formats()) {
                        Map<String, String> row = runInFreshJvm(network, size, tileSize, format);
                        rows.add(row);
                        parent.out.println(tableRow(row, peak.gflops()));
                    }
                }
            }
        }
        output.write(json(settings, peak, rows), parent.out);
        return 0;
    }

    private void check() {
        for (String network : networks) {
            try {
                Networks.byName(network);
            } catch (IllegalArgumentException e) {
                throw new UserError("--networks: " + e.getMessage());
            }
        }
        for (int size : sizes) {
            if (size < 32) {
                throw new UserError("--sizes must be at least 32, got " + size);
            }
        }
        for (int tileSize : tileSizes) {
            if (tileSize < 0) {
                throw new UserError("--tile-sizes must be 0 (whole images) or positive, got " + tileSize);
            }
        }
        if (iterations < 1 || warmup < 0 || peakSize < 16) {
            throw new UserError("--iterations must be at least 1, --warmup at least 0 and --peak-size at least 16");
        }
        formats().forEach(EngineOptions::settings);
    }

    private int runWorker() {
        String[] parts = worker.split(":");
        NetworkArchitecture arch = Networks.byName(parts[0]);
        int size = Integer.parseInt(parts[1]);
        int tileSize = Integer.parseInt(parts[2]);
        IterationBenchmark.Result r = IterationBenchmark.measure(NetworkWeights.random(arch, 1), size, tileSize,
                warmup, iterations, engine.settings());
        long rss = ProcessMemory.peakResidentBytes().orElse(-1);
        parent.out.printf(Locale.ROOT, RESULT_PREFIX + "network=%s size=%d tile_size=%d precision=%s flops=%d setup_s=%.4f median_s=%.6f "
                        + "min_s=%.6f adam_s=%.6f copy_s=%.6f peak_rss_bytes=%d%n",
                r.network(), r.size(), tileSize, engine.settings().precision().optionName(), r.flopsPerIteration(), r.setupSeconds(), r.medianSeconds(), r.minSeconds(),
                r.adamStepSeconds(), r.copySeconds(), rss);
        return 0;
    }

    /** Runs one case in a new JVM with this one's settings and class path, and reads back its RESULT line. */
    /** The engine options of each number format to time: --precisions, else --precision alone. */
    private List<EngineOptions> formats() {
        return precisions == null ? List.of(engine) : precisions.stream().map(engine::withPrecision).toList();
    }

    private Map<String, String> runInFreshJvm(String network, int size, int tileSize, EngineOptions format)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench",
                "--worker", network + ":" + size + ":" + tileSize, "--iterations", Integer.toString(iterations),
                "--warmup", Integer.toString(warmup)));
        command.addAll(format.asArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line.substring(RESULT_PREFIX.length());
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            String last = other.isEmpty() ? "no output" : other.get(other.size() - 1);
            throw new UserError("bench " + network + " at " + size + " px failed (exit " + exit + "): " + last);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (String pair : result.trim().split(" ")) {
            int eq = pair.indexOf('=');
            row.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return row;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-14s %5s %-20s %10s %9s %10s %9s %8s %8s %8s %9s",
                "network", "size", "evaluated", "ms/iter", "min ms", "GFLOP/it", "GFLOP/s", "of peak", "in Java", "set-up", "peak RSS");
    }

    private static String tableRow(Map<String, String> row, double peakGflops) {
        double median = num(row, "median_s");
        double gflop = num(row, "flops") / 1e9;
        double rate = gflop / median;
        long rss = (long) num(row, "peak_rss_bytes");
        String evaluated = (row.get("tile_size").equals("0") ? "whole" : row.get("tile_size") + " px tiles") + ", "
                + row.get("precision");
        return String.format(Locale.ROOT, "%-14s %5s %-20s %10.1f %9.1f %10.1f %9.1f %7.0f%% %7.1f%% %7.1fs %9s",
                row.get("network"), row.get("size"), evaluated, median * 1000, num(row, "min_s") * 1000, gflop, rate,
                100 * rate / peakGflops, 100 * (num(row, "adam_s") + num(row, "copy_s")) / median,
                num(row, "setup_s"), rss < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f GiB", rss / 1073741824.0));
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }

    private static String json(EngineSettings engine, MatrixProductPeak.Measurement peak, List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"machine\": {\"cores\": ").append(Runtime.getRuntime().availableProcessors())
                .append(", \"arch\": \"").append(System.getProperty("os.arch"))
                .append("\", \"cpu\": \"").append(cpuModel().replace("\"", "'"))
                .append("\", \"tensorflow\": \"").append(TensorFlow.version())
                .append("\", \"intra_op_threads\": ").append(engine.intraOpThreads())
                .append(", \"precision\": \"").append(engine.precision().optionName()).append("\"},\n");
        b.append(String.format(Locale.ROOT, "  \"peak\": {\"kernel\": \"matmul\", \"size\": %d, \"seconds\": %.6f, "
                + "\"gflops\": %.2f},%n", peak.size(), peak.medianSeconds(), peak.gflops()));
        b.append("  \"results\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            double median = num(row, "median_s");
            double rate = num(row, "flops") / 1e9 / median;
            b.append(String.format(Locale.ROOT, "    {\"network\": \"%s\", \"size\": %s, \"tile_size\": %s, \"precision\": \"%s\", "
                            + "\"ms_per_iteration\": %.3f, "
                            + "\"min_ms\": %.3f, \"gflop_per_iteration\": %.3f, \"gflops\": %.2f, \"share_of_peak\": %.4f, "
                            + "\"adam_step_ms\": %.3f, \"copy_ms\": %.3f, \"setup_s\": %.3f, \"peak_rss_bytes\": %s}%s%n",
                    row.get("network"), row.get("size"), row.get("tile_size"), row.get("precision"), median * 1000, num(row, "min_s") * 1000, num(row, "flops") / 1e9, rate, rate / peak.gflops(), num(row, "adam_s") * 1000,
                    num(row, "copy_s") * 1000, num(row, "setup_s"), row.get("peak_rss_bytes"),
                    i + 1 < rows.size() ? "," : ""));
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
