package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import org.neuralstyle.job.run.ArgumentRun;
import org.neuralstyle.job.WeightsCache;
import org.neuralstyle.job.JobListener;
import org.neuralstyle.batch.BatchFolder;
import org.neuralstyle.batch.BatchJob;
import org.neuralstyle.batch.BatchRun;
import org.neuralstyle.batch.BatchSpec;
import org.neuralstyle.batch.BatchSummary;
import org.neuralstyle.batch.ClusterRequest;
import org.neuralstyle.batch.ContactSheet;
import org.neuralstyle.batch.JobFile;
import org.neuralstyle.batch.KubernetesJob;
import org.neuralstyle.batch.Shard;
import org.neuralstyle.batch.SlurmSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code neural-style batch}: many stylizations from a job file or folders, resumable, shardable, on a cluster. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs many stylizations: a job file (YAML or JSON; see the README), or every --contents with "
                + "every --styles, each once per combination of --sweep values. A single run's options given here apply "
                + "to every job (e.g. --width 512 --iterations 300; after -- too).",
                "Finished jobs are skipped on a rerun; a failed job is recorded and the others go on. The summary and "
                        + "a contact sheet of every result are written at the end (or by --collect after shards)."})
final class BatchCommand implements Callable<Integer> {

    static final String SPEC_FILE = "batch.json";

    @ParentCommand
    StylizeCommand parent;

    @Parameters(arity = "0..*", paramLabel = "JOBFILE [-- OPTION...]", description = "The job file; after --, "
            + "options for every job, as for a single run (e.g. -- --width 512 --network squeezenet).")
    List<String> words;

    @Spec
    CommandSpec spec;

    private Path jobFile;

    @Option(names = "--contents", arity = "1..*", paramLabel = "FILE|FOLDER", description = "Content images or videos, "
            + "or folders of them.")
    List<Path> contents;

    @Option(names = "--styles", arity = "1..*", paramLabel = "FILE|FOLDER", description = "Style images or folders of "
            + "them; each is a job with each content.")
    List<Path> styles;

    @Option(names = "--sweep", paramLabel = "OPTION=V1,V2,...", description = "Run every job once per value "
            + "(e.g. style-weight=100,500,2500); repeatable: every combination.")
    List<String> sweeps;

    @Option(names = {"--output", "--output-dir"}, paramLabel = "FOLDER", description = "Where the results go "
            + "(default: the job file's output).")
    Path outputDir;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run part K of N (from 0) of the jobs.")
    String shard;

    @Option(names = "--shards", paramLabel = "N", description = "The number of parts when the index comes from an "
            + "array job (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX); with --submit, how many "
            + "parts to run (default: one per job, at most 16).")
    Integer shards;

    @Option(names = "--collect", description = "Only write the summary and contact sheet of what the shards did.")
    boolean collect;

    @Option(names = "--submit", paramLabel = "slurm|kubernetes", description = "Submit the batch as a Slurm job array "
            + "(sbatch), or write a Kubernetes Indexed Job manifest, with the memory the plan gives.")
    String submit;

    @Option(names = "--cpus", paramLabel = "N", description = "Cores each part asks for (default: this machine's).")
    Integer cpus;

    @Option(names = "--sbatch-option", paramLabel = "OPTION", description = "Passed to sbatch (e.g. "
            + "--sbatch-option=--partition=gpu); repeatable.")
    List<String> sbatchOptions;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "neural-style:latest",
            description = "Container image for --submit kubernetes (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--volume-claim", paramLabel = "NAME", defaultValue = "neural-style-batch",
            description = "PersistentVolumeClaim holding the batch's files, for --submit kubernetes (default: ${DEFAULT-VALUE}).")
    String volumeClaim;

    @Option(names = "--mount", paramLabel = "FOLDER", defaultValue = ".", description = "For --submit kubernetes: "
            + "the shared folder mounted at the same path in every pod, holding the inputs and results (default: the "
            + "current folder).")
    Path mount;

    /** What follows "--" on the command line: options for every job. */
    private List<String> jobOptions = List.of();

    /** The job file before "--", the jobs' options after it (picocli hands both over as positional words). */
    private void splitWords() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int marker = original.indexOf("--");
        List<String> given = words == null ? List.of() : words;
        int after = marker < 0 ? 0 : original.size() - marker - 1;
        jobOptions = given.subList(given.size() - after, given.size());
        List<String> before = given.subList(0, given.size() - after);
        if (before.size() > 1) {
            throw new UserError("batch: one JOBFILE at most, got " + String.join(" ", before)
                    + " (options for every job go after --)");
        }
        jobFile = before.isEmpty() ? null : Path.of(before.get(0));
    }

    @Override
    public Integer call() throws IOException {
        splitWords();
        Shard part = collect || submit != null ? Shard.ALL : shard(); // checked before any work
        BatchSpec spec = batchSpec();
        List<BatchJob> jobs;
        try {
            jobs = spec.expand();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<String> repeated = spec.repeatedJobs();
        if (!repeated.isEmpty()) {
            parent.err.println("neural-style: note: " + repeated.size() + " job(s) given more than once with the same "
                    + "inputs and options run once each: " + String.join(", ", repeated));
        }
        BatchFolder folder = new BatchFolder(spec.output());
        if (collect) {
            return collect(jobs, folder);
        }
        if (submit != null) {
            return submit(spec, jobs, folder);
        }
        List<BatchJob> mine = part.select(jobs);
        PrintWriter out = parent.out;
        out.printf(Locale.ROOT, "batch: %d jobs%s, results in %s%n", mine.size(),
                part.count() > 1 ? " (part " + part + " of " + jobs.size() + ")" : "", folder.output());
        out.flush();
        BatchRun.Result result = new BatchRun(folder, executor(), new Lines(out)).run(mine);
        if (result.interrupted()) {
            parent.err.println("neural-style: batch interrupted; the finished jobs are in " + folder.output()
                    + "; rerun the same command to continue");
            return StylizeCommand.EXIT_INTERRUPTED;
        }
        out.printf(Locale.ROOT, "batch: %d run, %d already done, %d failed%n", result.ran(), result.skipped(),
                result.failed());
        if (part.count() == 1) {
            collect(jobs, folder);
        } else {
            out.println("batch: when every part has ended, `neural-style batch ... --collect` writes the summary and "
                    + "contact sheet");
        }
        return result.failed() > 0 ? Main.EXIT_RUNTIME_ERROR : 0;
    }

    private int collect(List<BatchJob> jobs, BatchFolder folder) throws IOException {
        BatchSummary summary = BatchSummary.of(jobs, folder);
        summary.write(folder);
        ContactSheet.write(jobs, summary, folder);
        parent.out.println("batch: " + summary.line() + "; " + folder.file("summary.txt") + ", "
                + folder.file("contact-sheet.png"));
        for (BatchSummary.Entry e : summary.entries()) {
            if (e.state() == BatchSummary.State.FAILED) {
                parent.err.println("neural-style: batch job " + e.name() + " failed: " + e.message());
            }
        }
        return summary.count(BatchSummary.State.DONE) == jobs.size() ? 0 : Main.EXIT_RUNTIME_ERROR;
    }

    /** Checks every job, then hands the batch (as written to the batch folder) to the scheduler. */
    private int submit(BatchSpec spec, List<BatchJob> jobs, BatchFolder folder) throws IOException {
        long largest = 0;
        for (BatchJob job : jobs) {
            ArgumentRun.Result checked = ArgumentRun.check(job.arguments(folder.outputOf(job)));
            if (!checked.succeeded()) {
                throw new UserError("--submit: job " + job.name() + " cannot run: " + checked.message()
                        + " (nothing was submitted)");
            }
            largest = Math.max(largest, checked.plannedBytes());
        }
        int parts = shards != null ? shards : Math.min(jobs.size(), 16);
        int cores = cpus != null ? cpus : Runtime.getRuntime().availableProcessors();
        ClusterRequest request;
        try {
            request = ClusterRequest.of(parts, cores, largest);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Path specFile = folder.internal(SPEC_FILE);
        JobFile.write(spec, specFile); // the batch exactly as expanded here, for the parts to read
        List<String> batchArgs = List.of("batch", specFile.toString());
        switch (submit.toLowerCase(Locale.ROOT)) {
            case "slurm" -> {
                SlurmSubmission.Submitted submitted;
                try {
                    submitted = SlurmSubmission.submit(program(), batchArgs, request, folder,
                            sbatchOptions == null ? List.of() : sbatchOptions);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
                parent.out.printf(Locale.ROOT, "batch: submitted Slurm array job %s (%d parts, %d cores and %d MB each; "
                                + "script %s) and job %s to collect the results when it ends%n", submitted.arrayJob(),
                        request.shards(), request.cpus(), request.memoryMegabytes(), submitted.arrayScript(),
                        submitted.collectJob());
            }
            case "kubernetes" -> {
                Path manifest = KubernetesJob.write(image, List.of(specFile.toString()), request,
                        mount.toAbsolutePath(), volumeClaim, folder);
                parent.out.println("batch: wrote " + manifest + " (" + request.shards() + " pods, " + request.memoryMegabytes()
                        + " MB each); `kubectl apply -f` it, then run --collect when the job has completed");
            }
            default -> throw new UserError("--submit: unknown scheduler '" + submit + "' (use slurm or kubernetes)");
        }
        return 0;
    }

    /** The command that runs this program again: this JVM's java, class path and main class. */
    private static List<String> program() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private Shard shard() {
        try {
            if (shard != null) {
                return Shard.parse(shard);
            }
            return Shard.fromEnvironment(System.getenv(), shards);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The job file's spec, or the command line's simple form; options and sweeps given here apply on top. */
    private BatchSpec batchSpec() throws IOException {
        Map<String, String> extra = extraOptions();
        Map<String, List<String>> sweep = sweep();
        try {
            if (jobFile != null) {
                if (contents != null || styles != null) {
                    throw new UserError("give a JOBFILE or --contents and --styles, not both");
                }
                BatchSpec file = JobFile.read(jobFile, outputDir == null ? null : outputDir.toAbsolutePath());
                Map<String, String> options = new LinkedHashMap<>(file.options());
                options.putAll(extra);
                Map<String, List<String>> sweeps = new LinkedHashMap<>(file.sweep());
                sweeps.putAll(sweep);
                return new BatchSpec(file.output(), options, file.contents(), file.styles(), sweeps, file.jobs());
            }
            if (contents == null || styles == null) {
                throw new UserError("give a JOBFILE, or --contents and --styles (see --help)");
            }
            return new BatchSpec(outputDir == null ? null : outputDir.toAbsolutePath(), extra,
                    contents.stream().map(Path::toAbsolutePath).toList(),
                    styles.stream().map(Path::toAbsolutePath).toList(), sweep, List.of());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The options after the batch's own: --name value, or --flag. */
    private Map<String, String> extraOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> given = jobOptions;
        for (int i = 0; i < given.size(); i++) {
            String word = given.get(i);
            if (!word.startsWith("--")) {
                throw new UserError("batch: '" + word + "' is not an option (options for every job are --name value)");
            }
            String name = jobOption(word, "batch");
            if (i + 1 < given.size() && !given.get(i + 1).startsWith("--")) {
                options.put(name, given.get(++i));
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private Map<String, List<String>> sweep() {
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        for (String given : sweeps == null ? List.<String>of() : sweeps) {
            int eq = given.indexOf('=');
            if (eq < 1 || eq == given.length() - 1) {
                throw new UserError("--sweep: give OPTION=V1,V2,..., got '" + given + "'");
            }
            sweep.put(jobOption(given.substring(0, eq), "--sweep"),
                    Arrays.stream(given.substring(eq + 1).split(",")).map(String::trim).toList());
        }
        return sweep;
    }

    /** An option every job gets: the job file's rule for option names. */
    private static String jobOption(String given, String where) {
        try {
            return JobFile.optionName(given, where);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private BatchRun.Executor executor() {
        WeightsCache weights = new WeightsCache(); // the batch's jobs share the network's weights
        return new BatchRun.Executor() {
            @Override
            public String check(List<String> arguments) {
                ArgumentRun.Result result = ArgumentRun.check(arguments);
                return result.succeeded() ? null : result.message();
            }

            @Override
            public BatchRun.Outcome run(List<String> arguments, Path log) {
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                    ArgumentRun.Result result = ArgumentRun.run(arguments, JobListener.NONE, out, weights);
                    return new BatchRun.Outcome(result.succeeded(), result.status() == StylizeCommand.EXIT_INTERRUPTED,
                            result.message());
                } catch (IOException e) {
                    return new BatchRun.Outcome(false, false, log + ": cannot write the job's log (" + e.getMessage() + ")");
                }
            }
        };
    }

    /** One plain line per job. */
    private record Lines(PrintWriter out) implements BatchRun.Listener {
        @Override
        public void onJob(int number, int total, BatchJob job) {
            out.printf(Locale.ROOT, "[%d/%d] %s: ", number, total, job.outputFileName());
            out.flush();
        }

        @Override
        public void onSkipped(BatchJob job) {
            out.println("already done");
        }

        @Override
        public void onDone(BatchJob job, Duration took) {
            out.printf(Locale.ROOT, "done in %.1fs%n", took.toMillis() / 1000.0);
        }

        @Override
        public void onFailed(BatchJob job, String message) {
            out.println("failed: " + message);
        }
    }
}
