package org.neuralstyle.cli;

import org.neuralstyle.job.StyleChoices;
import org.neuralstyle.job.UserError;
import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.benchmark.TimeToQuality;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;
import org.neuralstyle.weights.WeightFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code neural-style bench time-to-quality}: on a real photo and painting, the wall time plain Adam (the
 * paper's method, the network's recommended weights) takes to its loss after N iterations, against L-BFGS and
 * coarse-to-fine runs racing to the same loss at the same size.
 */
@Command(name = "time-to-quality", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Wall time to reach plain Adam's loss after --iterations, for the plain command's pipeline, "
                + "L-BFGS and coarse-to-fine.")
final class TimeToQualityCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--content", required = true, paramLabel = "FILE", description = "Content photo.")
    Path content;

    @Option(names = "--styles", required = true, arity = "1..*", paramLabel = "FILE", description = "Style image(s).")
    List<Path> styles;

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "squeezenet",
            description = "Network (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "Weights file of the network.")
    Path weights;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "512", description = "Output width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--iterations", split = ",", paramLabel = "N", defaultValue = "100,300,1000",
            description = "Adam's loss after each of these iterations is a target; the largest is Adam's run and "
                    + "every method's budget (default: ${DEFAULT-VALUE}).")
    List<Integer> checkpoints;

    @Option(names = "--coarse-iterations", paramLabel = "N", defaultValue = "150",
            description = "Iterations at each coarse scale, width/4 and width/2 (default: ${DEFAULT-VALUE}).")
    int coarseIterations;

    @Option(names = "--initial", paramLabel = "noise|content", defaultValue = "noise",
            description = "Start of every run (default: ${DEFAULT-VALUE}, as the reference).")
    String initial;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lbfgs-history", paramLabel = "N",
            description = "L-BFGS memory in steps (default: the network's, ${bundle:default.lbfgs-history}).")
    Integer lbfgsHistory;

    @Option(names = "--methods", split = ",", paramLabel = "NAME",
            defaultValue = "default,lbfgs,coarse-to-fine+lbfgs,coarse-to-fine+adam",
            description = "Methods to race against Adam (default: ${DEFAULT-VALUE}); fewer for large sizes, where "
                    + "each run takes minutes.")
    List<String> methods;

    @Mixin
    JsonOutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = bench.parent.out;
        NetworkArchitecture arch;
        try {
            arch = Networks.byName(network);
        } catch (IllegalArgumentException e) {
            throw new UserError("--network: " + e.getMessage());
        }
        int iterations = checkpoints.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (width < 16 || checkpoints.stream().anyMatch(k -> k < 1) || coarseIterations < 1) {
            throw new UserError("--width must be at least 16, --iterations and --coarse-iterations at least 1");
        }
        if (lbfgsHistory != null) {
            StyleChoices.requireAtLeast(lbfgsHistory, 1, "--lbfgs-history");
        }
        if (!initial.equals("noise") && !initial.equals("content")) {
            throw new UserError("--initial must be noise or content, got '" + initial + "'");
        }
        output.requireWritable();
        RgbImage photo = Resampling.toWidth(ImageFiles.read(content), width);
        List<StyleImage> paintings = new ArrayList<>();
        for (Path style : styles) {
            paintings.add(StyleImage.of(ImageFiles.read(style)));
        }
        StyleTransferOptions adam = StyleTransferOptions.builder(arch)
                .initialization(initial.equals("noise") ? Initialization.noise() : Initialization.content(0))
                .iterations(iterations).seed(seed).build();
        StyleTransferOptions lbfgs = adam.toBuilder().optimizer(StyleTransferOptions.OptimizerKind.LBFGS)
                .lbfgsHistorySize(lbfgsHistory != null ? lbfgsHistory : adam.lbfgsHistorySize()).build();
        // Width/4 and width/2, where the network still has features at that size.
        List<String> used = new ArrayList<>(arch.defaultContentLayers());
        used.addAll(arch.defaultStyleLayers());
        int minimum = arch.minimumInputSize(used);
        List<CoarseToFine.Scale> coarse = IntStream.of(width / 4, width / 2)
                .filter(px -> Math.min(px, Resampling.heightAtWidth(photo, px)) >= minimum)
                .mapToObj(px -> new CoarseToFine.Scale(px, coarseIterations)).toList();

        // The plain command as a user runs it: the network's defaults (its start, its iterations, its schedule)
        // and the automatic coarse-to-fine plan for the width. Its budget is its own, not Adam's.
        StyleTransferOptions recommended = StyleTransferOptions.builder(arch).seed(seed).build();
        List<CoarseToFine.Scale> plan = CoarseToFine.automaticPlan(photo.width(), recommended.iterations());
        StyleTransferOptions defaults = recommended.toBuilder()
                .iterations(plan.get(plan.size() - 1).iterations()).build();
        List<TimeToQuality.Method> racers = List.of(
                new TimeToQuality.Method("default", defaults, plan.subList(0, plan.size() - 1)),
                new TimeToQuality.Method("lbfgs", lbfgs, List.of()),
                new TimeToQuality.Method("coarse-to-fine+lbfgs", lbfgs, coarse),
                new TimeToQuality.Method("coarse-to-fine+adam", adam, coarse));
        List<String> known = racers.stream().map(TimeToQuality.Method::name).toList();
        for (String m : methods) {
            if (!known.contains(m)) {
                throw new UserError("--methods: unknown method '" + m + "'; choose from " + String.join(", ", known));
            }
        }

        StyleTransfer transfer = new StyleTransfer(WeightFiles.load(weights, arch), bench.engine.settings());
        TimeToQuality race = new TimeToQuality(transfer, photo, paintings);
        out.printf(Locale.ROOT, "%s, %dx%d, %s + %d style(s), from %s; baseline: Adam, %d iterations%n",
                arch.name(), photo.width(), photo.height(), content.getFileName(), styles.size(), initial, iterations);
        List<TimeToQuality.Outcome> baseline = race.baseline(new TimeToQuality.Method("adam", adam, List.of()),
                checkpoints);
        out.println(header());
        baseline.forEach(o -> out.println(row(o, o)));
        List<TimeToQuality.Target> targets = baseline.stream().map(TimeToQuality.Outcome::target).toList();
        List<TimeToQuality.Outcome> outcomes = new ArrayList<>(baseline);
        for (TimeToQuality.Method method : racers) {
            if (!methods.contains(method.name())) {
                continue;
            }
            List<TimeToQuality.Outcome> raced = race.race(method, targets);
            for (int i = 0; i < raced.size(); i++) {
                out.println(row(raced.get(i), baseline.get(i)));
            }
            outcomes.addAll(raced);
        }
        output.write(json(outcomes, baseline), out);
        return 0;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-24s %13s %12s %11s %10s %9s %12s", "method", "target: Adam @",
                "target loss", "iterations", "seconds", "speed-up", "best loss");
    }

    private static String row(TimeToQuality.Outcome o, TimeToQuality.Outcome baseline) {
        return String.format(Locale.ROOT, "%-24s %13d %12.4e %11s %10s %9s %12.4e", o.method(),
                o.target().baselineIterations(), o.target().loss(),
                o.reached() ? Integer.toString(o.iterationsToTarget()) : "not reached",
                o.reached() ? String.format(Locale.ROOT, "%.1f", o.secondsToTarget()) : "-",
                o.reached() ? String.format(Locale.ROOT, "%.2fx", baseline.secondsToTarget() / o.secondsToTarget()) : "-",
                o.bestLoss());
    }

    private static String json(List<TimeToQuality.Outcome> outcomes, List<TimeToQuality.Outcome> baselines) {
        StringBuilder b = new StringBuilder("{\"results\": [\n");
        for (int i = 0; i < outcomes.size(); i++) {
            TimeToQuality.Outcome o = outcomes.get(i);
            TimeToQuality.Outcome baseline = baselines.get(i % baselines.size());
            b.append(String.format(Locale.ROOT, "  {\"method\": \"%s\", \"target_adam_iterations\": %d, "
                            + "\"target_loss\": %.6e, \"reached\": %s, "
                            + "\"iterations\": %d, \"seconds\": %s, \"speedup\": %s, \"best_loss\": %.6e}%s%n",
                    o.method(), o.target().baselineIterations(), o.target().loss(), o.reached(), o.iterationsToTarget(),
                    o.reached() ? String.format(Locale.ROOT, "%.3f", o.secondsToTarget()) : "null",
                    o.reached() ? String.format(Locale.ROOT, "%.3f", baseline.secondsToTarget() / o.secondsToTarget()) : "null",
                    o.bestLoss(), i + 1 < outcomes.size() ? "," : ""));
        }
        return b.append("]}\n").toString();
    }
}
