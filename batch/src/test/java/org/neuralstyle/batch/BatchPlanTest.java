package org.neuralstyle.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPlanTest {

    @TempDir
    Path temp;

    private BatchSpec spec(Map<String, List<String>> sweep) throws IOException {
        Path contents = Files.createDirectories(temp.resolve("c"));
        for (String name : List.of("a.png", "b.jpg", "clip.mp4", "notes.txt")) {
            Files.writeString(contents.resolve(name), "x");
        }
        Path style = Files.writeString(temp.resolve("wave.jpg"), "x");
        return new BatchSpec(temp.resolve("out"), Map.of("width", "256", "preserve-colors", "true"), List.of(contents),
                List.of(style), sweep, List.of());
    }

    @Test
    void jobsAreEveryContentWithEveryStyleOncePerSweptCombination() throws IOException {
        List<BatchJob> jobs = spec(Map.of("style-weight", List.of("100", "2500"))).expand();
        assertThat(jobs).hasSize(6); // a.png, b.jpg, clip.mp4 (not notes.txt) x 2 weights
        assertThat(jobs).filteredOn(BatchJob::isVideo).hasSize(2)
                .allMatch(j -> j.outputFileName().endsWith(".mp4") && j.arguments(Path.of("o.mp4")).get(0).equals("video"));
        BatchJob first = jobs.stream().filter(j -> j.name().startsWith("a__wave__style-weight-2500-")).findFirst().orElseThrow();
        assertThat(first.arguments(Path.of("o.png"))).containsSequence("--preserve-colors", "--style-weight", "2500",
                "--width", "256").endsWith("--output", "o.png");
        // Names are the same from run to run, and differ when an option differs.
        assertThat(spec(Map.of("style-weight", List.of("100", "2500"))).expand()).extracting(BatchJob::name)
                .containsExactlyElementsOf(jobs.stream().map(BatchJob::name).toList());
        Set<String> names = new HashSet<>(jobs.stream().map(BatchJob::name).toList());
        assertThat(names).hasSize(6);
    }

    @Test
    void shardsAreDisjointAndCoverTheBatch() throws IOException {
        List<BatchJob> jobs = spec(Map.of("style-weight", List.of("1", "2", "3"))).expand();
        List<BatchJob> union = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<BatchJob> part = new Shard(k, 4).select(jobs);
            assertThat(part.size()).isBetween(jobs.size() / 4, jobs.size() / 4 + 1);
            union.addAll(part);
        }
        assertThat(union).hasSize(jobs.size()).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void theShardComesFromTheSchedulersVariables() {
        assertThat(Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "4",
                "SLURM_ARRAY_TASK_COUNT", "3"), null)).isEqualTo(new Shard(1, 3));
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "2"), 4)).isEqualTo(new Shard(2, 4));
        assertThat(Shard.fromEnvironment(Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "0"), 2)).isEqualTo(new Shard(0, 2));
        assertThat(Shard.fromEnvironment(Map.of(), null)).isEqualTo(Shard.ALL);
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "2"), null))
                .hasMessageContaining("--shards N");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4"), 4))
                .hasMessageContaining("index 4 is not one of 4 parts");
        assertThat(Shard.parse(" 2 / 3 ")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("2of3")).hasMessageContaining("give K/N");
    }

    @Test
    void aJobFileReadsAsTheSameSpecInYamlOrJson() throws IOException {
        spec(Map.of());
        Path yaml = Files.writeString(temp.resolve("jobs.yaml"), """
                output: out
                options: {width: 256, preserve-colors: true, scales: [128, 256]}
                contents: c
                styles: [wave.jpg]
                sweep: {style-weight: [100, 2500]}
                """);
        Path json = Files.writeString(temp.resolve("jobs.json"), """
                {"output": "out", "options": {"width": 256, "preserve-colors": true, "scales": [128, 256]},
                 "contents": "c", "styles": ["wave.jpg"], "sweep": {"style-weight": [100, 2500]}}
                """);
        List<String> fromYaml = JobFile.read(yaml, null).expand().stream().map(BatchJob::name).toList();
        assertThat(fromYaml).hasSize(6)
                .isEqualTo(JobFile.read(json, null).expand().stream().map(BatchJob::name).toList());
        BatchJob job = JobFile.read(yaml, null).expand().get(0);
        assertThat(job.arguments(Path.of("o.png"))).containsSequence("--scales", "128,256");
        Files.writeString(yaml, "output: out\ncontents: c\nstyles: wave.jpg\noptions: {output: x.png}\n");
        assertThatThrownBy(() -> JobFile.read(yaml, null)).hasMessage(yaml + ": options: output is set by the batch, not as an option");
    }

    /**
     * Read back at the paths Kubernetes' own Indexed Job example uses (kubernetes/website,
     * content/en/examples/controllers/job-backoff-limit-per-index-example.yaml); no cluster runs here.
     */
    @Test
    void theKubernetesManifestIsAnIndexedJobWithThePlansMemory() throws IOException {
        BatchFolder folder = new BatchFolder(temp.resolve("out"));
        Path file = KubernetesJob.write("registry/neural-style:1", List.of("/data/jobs.yaml"),
                ClusterRequest.of(3, 2, 2_000L << 20), Path.of("/data"), "styles-pvc", folder);
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        assertThat(job.at("/kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        assertThat(job.at("/spec/completions").asInt()).isEqualTo(3);
        assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo((2000 + ClusterRequest.PROGRAM_MEGABYTES) + "Mi");
        List<String> command = new ArrayList<>();
        container.at("/command").forEach(c -> command.add(c.asText()));
        assertThat(command).containsExactly("neural-style", "batch", "/data/jobs.yaml", "--shards", "3");
        assertThat(job.at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName").asText()).isEqualTo("styles-pvc");
    }

    /** The same job twice is run once, and said; two inputs of one stem get rows of their own on the contact sheet. */
    @Test
    void repeatedJobsAreNamedAndInputsOfOneStemKeepTheirOwnRows() throws IOException {
        Path style = Files.writeString(temp.resolve("wave.jpg"), "x");
        Path png = Files.writeString(temp.resolve("cat.png"), "x");
        Path jpg = Files.writeString(temp.resolve("cat.jpg"), "x");
        Path other = Files.createDirectories(temp.resolve("other"));
        Path otherPng = Files.writeString(other.resolve("cat.png"), "x");
        BatchSpec.Explicit once = new BatchSpec.Explicit(png, List.of(style), Map.of("width", "64"));
        BatchSpec spec = new BatchSpec(temp.resolve("out"), Map.of(), List.of(), List.of(), Map.of(),
                List.of(once, once, new BatchSpec.Explicit(jpg, List.of(style), Map.of("width", "64")),
                        new BatchSpec.Explicit(otherPng, List.of(style), Map.of("width", "64"))));
        List<BatchJob> jobs = spec.expand();
        assertThat(jobs).hasSize(3);
        assertThat(spec.repeatedJobs()).hasSize(1).allMatch(name -> name.startsWith("cat__wave-"));
        Map<BatchJob.Inputs, String> rows = ContactSheet.rowLabels(jobs);
        assertThat(rows).hasSize(3);
        assertThat(new HashSet<>(rows.values())).as("every row reads differently").hasSize(3);
        assertThat(rows.values()).contains("cat.jpg / wave.jpg");
    }
}
