package org.neuralstyle.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a batch one process runs: job i belongs to shard i mod count (index from 0), so shards are disjoint,
 * together cover every job, and are as even as can be. Array-job schedulers give the index in a variable: Slurm
 * ({@code SLURM_ARRAY_TASK_ID}, count {@code SLURM_ARRAY_TASK_COUNT}), Kubernetes Indexed Jobs
 * ({@code JOB_COMPLETION_INDEX}), AWS Batch ({@code AWS_BATCH_JOB_ARRAY_INDEX}). Slurm's variables as its job
 * array page (slurm.schedmd.com/job_array.html) lists them; the batch test runs a real Slurm array.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard: K/N needs 0 <= K < N, got " + index + "/" + count);
        }
    }

    /** "K/N" as given to --shard. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--shard: give K/N (this process runs part K of N, from 0), got '" + text + "'");
    }

    /**
     * The shard a scheduler's variables name, with {@code shards} (--shards, or null) as the count where the
     * scheduler does not give it; the whole batch where no variable is set.
     */
    public static Shard fromEnvironment(Map<String, String> env, Integer shards) {
        String slurm = env.get("SLURM_ARRAY_TASK_ID");
        if (slurm != null) {
            int min = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"));
            int count = shards != null ? shards : Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_COUNT", "0"));
            return of(Integer.parseInt(slurm) - min, count, "SLURM_ARRAY_TASK_ID");
        }
        for (String variable : List.of("JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX")) {
            String index = env.get(variable);
            if (index != null) {
                if (shards == null) {
                    throw new IllegalArgumentException(variable + " is set: give the number of parts with --shards N");
                }
                return of(Integer.parseInt(index), shards, variable);
            }
        }
        if (shards != null && shards != 1) {
            throw new IllegalArgumentException("--shards " + shards + ": no array index in the environment "
                    + "(SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX); use --shard K/N");
        }
        return ALL;
    }

    private static Shard of(int index, int count, String variable) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException(variable + ": index " + index + " is not one of " + count + " parts");
        }
        return new Shard(index, count);
    }

    public <T> List<T> select(List<T> jobs) {
        List<T> mine = new ArrayList<>();
        for (int i = index; i < jobs.size(); i += count) {
            mine.add(jobs.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
