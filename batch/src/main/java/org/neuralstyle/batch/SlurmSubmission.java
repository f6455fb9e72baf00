package org.neuralstyle.batch;

import org.neuralstyle.io.AtomicFiles;
import org.neuralstyle.io.ShellWords;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A batch as a Slurm job array: one array task per shard (its index from {@code SLURM_ARRAY_TASK_ID}), with the
 * cores and memory of the {@link ClusterRequest}, and a second job that collects the summary and contact sheet
 * once every task has ended ({@code --dependency=afterany}). Both scripts are kept in the batch folder.
 */
public final class SlurmSubmission {

    /** The ids sbatch gave the array job and the collecting job. */
    public record Submitted(String arrayJob, String collectJob, Path arrayScript) {
    }

    private SlurmSubmission() {
    }

    /**
     * @param program the command that runs this program (java, its class path, the main class)
     * @param batch   the batch command's arguments (job file, options), without shard options
     */
    static String arrayScript(List<String> program, List<String> batch, ClusterRequest request, BatchFolder folder) {
        List<String> command = new ArrayList<>(program);
        command.addAll(batch);
        command.add("--shards");
        command.add(Integer.toString(request.shards()));
        return "#!/bin/bash\n"
                + "#SBATCH --job-name=neural-style-batch\n"
                + "#SBATCH --array=0-" + (request.shards() - 1) + "\n"
                + "#SBATCH --cpus-per-task=" + request.cpus() + "\n"
                + "#SBATCH --mem=" + request.memoryMegabytes() + "M\n"
                + "#SBATCH --output=" + folder.internal("slurm-%A_%a.out") + "\n"
                + "# Written by neural-style batch --submit slurm: part $SLURM_ARRAY_TASK_ID of the batch.\n"
                + "export TF_CPP_MIN_LOG_LEVEL=2\n"
                + "exec " + ShellWords.quote(command) + "\n";
    }

    static String collectScript(List<String> program, List<String> batch, BatchFolder folder) {
        List<String> command = new ArrayList<>(program);
        command.addAll(batch);
        command.add("--collect");
        return "#!/bin/bash\n"
                + "#SBATCH --job-name=neural-style-collect\n"
                + "#SBATCH --cpus-per-task=1\n"
                + "#SBATCH --mem=" + ClusterRequest.PROGRAM_MEGABYTES + "M\n"
                + "#SBATCH --output=" + folder.internal("slurm-collect-%j.out") + "\n"
                + "exec " + ShellWords.quote(command) + "\n";
    }

    /** Writes both scripts and submits them with sbatch; {@code sbatchOptions} go to both (--partition=..., say). */
    public static Submitted submit(List<String> program, List<String> batch, ClusterRequest request, BatchFolder folder,
                                   List<String> sbatchOptions) throws IOException {
        Path array = folder.internal("slurm-array.sh");
        Path collect = folder.internal("slurm-collect.sh");
        writeScript(array, arrayScript(program, batch, request, folder));
        writeScript(collect, collectScript(program, batch, folder));
        String arrayJob = sbatch(sbatchOptions, List.of(array.toString()));
        String collectJob = sbatch(sbatchOptions, List.of("--dependency=afterany:" + arrayJob, collect.toString()));
        return new Submitted(arrayJob, collectJob, array);
    }

    private static void writeScript(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        java.nio.file.Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String sbatch(List<String> options, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(options);
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("--submit slurm: sbatch cannot be run here (" + e.getMessage()
                    + "); submit from a machine of the Slurm cluster");
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalArgumentException("--submit slurm: sbatch refused the job: "
                        + output.lines().reduce((a, b) -> b).orElse("no message"));
            }
            return output.lines().reduce((a, b) -> b).orElse("").split(";")[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while submitting", e);
        }
    }

}
