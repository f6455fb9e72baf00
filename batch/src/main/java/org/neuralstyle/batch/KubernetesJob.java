package org.neuralstyle.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as a Kubernetes Indexed Job (completionMode: Indexed): one pod per shard, its index in
 * {@code JOB_COMPLETION_INDEX}, the batch folder on a shared volume mounted at the same path in every pod. Written
 * for the user to review and {@code kubectl apply}; the README's "Batch" has the recipe. The fields and their
 * nesting follow Kubernetes' own example of an Indexed Job with a per-index backoff limit
 * (kubernetes/website, content/en/examples/controllers/job-backoff-limit-per-index-example.yaml: spec.completions,
 * parallelism, completionMode: Indexed, backoffLimitPerIndex, template.spec.restartPolicy: Never, the index in
 * JOB_COMPLETION_INDEX); backoffLimitPerIndex is GA since Kubernetes 1.33.
 */
public final class KubernetesJob {

    private KubernetesJob() {
    }

    /**
     * @param image   the container image that holds the program (its entry command is {@code neural-style})
     * @param batch   the batch command's arguments (job file, options), without shard options
     * @param mount   the shared folder every pod mounts (holding the job file, inputs and the batch folder)
     * @param claim   the PersistentVolumeClaim that provides it
     */
    public static Path write(String image, List<String> batch, ClusterRequest request, Path mount, String claim,
                             BatchFolder folder) throws IOException {
        List<String> command = new ArrayList<>(List.of("neural-style", "batch"));
        command.addAll(batch);
        command.add("--shards");
        command.add(Integer.toString(request.shards()));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "neural-style");
        container.put("image", image);
        container.put("command", command);
        container.put("env", List.of(Map.of("name", "TF_CPP_MIN_LOG_LEVEL", "value", "2")));
        String memory = request.memoryMegabytes() + "Mi";
        container.put("resources", Map.of("requests", Map.of("cpu", Integer.toString(request.cpus()), "memory", memory),
                "limits", Map.of("memory", memory)));
        container.put("volumeMounts", List.of(Map.of("name", "batch", "mountPath", mount.toString())));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");
        pod.put("containers", List.of(container));
        pod.put("volumes", List.of(Map.of("name", "batch", "persistentVolumeClaim", Map.of("claimName", claim))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", request.shards());
        spec.put("parallelism", request.shards());
        spec.put("backoffLimitPerIndex", 1);
        spec.put("template", Map.of("spec", pod));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        job.put("metadata", Map.of("name", "neural-style-batch"));
        job.put("spec", spec);
        String yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                .writeValueAsString(job);
        Path file = folder.file("kubernetes-job.yaml");
        AtomicFiles.writeString(file, yaml);
        return file;
    }
}
