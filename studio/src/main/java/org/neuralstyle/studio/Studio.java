package org.neuralstyle.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.neuralstyle.job.RecordedSettings;
import org.neuralstyle.job.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The studio without its web layer: uploads, jobs and their queue in a data folder. Every request the server
 * takes comes down to one of these methods.
 */
final class Studio implements AutoCloseable {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Uploads uploads;
    private final JobStore store;
    private final JobQueue queue;
    private final JobRunner runner;
    private final JobArguments arguments;
    private final SecureRandom random = new SecureRandom();

    Studio(StudioSettings settings, JobRunner runner, ObjectMapper json, StudioEvents events) throws IOException {
        this.runner = runner;
        this.uploads = new Uploads(settings.dataFolder().resolve("uploads"), settings.maxUploadBytes(),
                settings.maxImageSide(), runner::probeVideo);
        this.store = new JobStore(settings.dataFolder().resolve("jobs"), json);
        this.arguments = new JobArguments(runner.catalogue(), uploads);
        this.queue = new JobQueue(store, runner, events::publish);
    }

    OptionCatalogue catalogue() {
        return runner.catalogue();
    }

    Uploads.Upload upload(InputStream body) throws IOException {
        return uploads.store(body);
    }

    Path uploadFile(String id) {
        return uploads.path(id, "upload");
    }

    /**
     * The settings a picture made by the program carries (an upload), as the page's form takes them: the network
     * and the options a job may set; the inputs, output and seed are the new job's own.
     */
    Map<String, Object> uploadSettings(String id) throws IOException {
        Path upload = uploads.path(id, "upload");
        RecordedSettings settings;
        try {
            settings = RecordedSettings.readFrom(upload, "");
        } catch (UserError e) {
            throw ApiError.badRequest(e.getMessage().contains("damaged") ? "the picture's neural-style settings are "
                    + "damaged" : "the picture carries no neural-style settings (made by another program, or its "
                    + "metadata was removed)");
        }
        OptionCatalogue catalogue = runner.catalogue();
        Map<String, String> options = new java.util.LinkedHashMap<>();
        String network = null;
        List<String> words = settings.arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                continue;
            }
            String value = i + 1 < words.size() && !words.get(i + 1).startsWith("--") ? words.get(i + 1) : null;
            if (word.equals("--network")) {
                network = value;
            }
            Optional<OptionCatalogue.OptionInfo> option = catalogue.option(word, false);
            if (option.isPresent()) {
                options.put(word, option.get().flag() ? "true" : value == null ? "" : value);
            }
        }
        options.values().removeIf(String::isEmpty);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("options", options);
        if (network != null && catalogue.networks().containsKey(network)) {
            result.put("network", network);
        }
        return result;
    }

    /** An image upload's thumbnail (uploads/thumbnails/ID.jpg), made on first request; a video has none (404). */
    Path uploadThumbnail(String id) throws IOException {
        Path upload = uploads.path(id, "upload");
        if (Uploads.isVideo(id)) {
            throw ApiError.notFound("a video upload has no thumbnail");
        }
        return Thumbnails.of(upload, upload.resolveSibling("thumbnails").resolve(id.substring(0, id.indexOf('.')) + ".jpg"));
    }

    /**
     * A finished job's thumbnail (thumbnail.jpg in its folder): of its result, or for a video of its last preview;
     * made on first request. A job still running has none yet (its picture still changes; the page shows its preview).
     */
    Path jobThumbnail(String id) throws IOException {
        JobRecord job = queue.get(id).record();
        if (!job.state().finished()) {
            throw ApiError.notFound("job " + id + " has no thumbnail until it ends");
        }
        Path folder = store.folder(id);
        Path source = !job.isVideo() && Files.isRegularFile(folder.resolve(job.resultFile()))
                ? folder.resolve(job.resultFile()) : jobFile(id, JobStore.PREVIEW);
        return Thumbnails.of(source, folder.resolve(JobStore.THUMBNAIL));
    }

    /**
     * Checks a job as the program would before its work starts, then queues it; a bad job is a 400 with the
     * program's own one-line message and leaves nothing behind.
     */
    JobRecord submit(JobSpec requested) throws IOException {
        JobSpec spec = requested.withSeed(seed(requested));
        String id = newId();
        Path folder = store.folder(id);
        String kind = Uploads.isVideo(spec.content()) ? JobRecord.VIDEO : JobRecord.IMAGE;
        List<String> args = arguments.of(spec, folder.resolve(JobRecord.resultFile(kind)), kind.equals(JobRecord.VIDEO));
        store.create(id);
        try {
            runner.check(args);
        } catch (IllegalArgumentException e) {
            store.delete(id);
            throw ApiError.badRequest(e.getMessage().replace(folder + "/", ""));
        }
        List<String> copied = new ArrayList<>(args);
        copied.set(copied.size() - 1, JobArguments.copiedOutputName(id, kind));
        JobRecord record = JobRecord.queued(id, kind, spec, args, JobArguments.shellCommand(copied),
                System.currentTimeMillis());
        queue.submit(record);
        return record;
    }

    /** The user's --seed if given (checked), else the one already chosen, else a new one. */
    private long seed(JobSpec spec) {
        String given = spec.options().get("--seed");
        if (given != null && !given.isBlank()) {
            try {
                return Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("--seed: must be a whole number, got '" + given + "'");
            }
        }
        return spec.seed() != null ? spec.seed() : random.nextLong(1L << 48);
    }

    private String newId() {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return LocalDateTime.now().format(ID_TIME) + "-" + HexFormat.of().formatHex(bytes);
    }

    List<JobRecord> jobs() {
        return queue.list();
    }

    Job job(String id) {
        return queue.get(id);
    }

    JobRecord cancel(String id) {
        return queue.cancel(id);
    }

    void move(String id, int position) {
        queue.move(id, position);
    }

    void delete(String id) throws IOException {
        queue.delete(id);
    }

    /** One of a job's files (preview, result, log); a 404 if it has none yet. */
    Path jobFile(String id, String name) {
        queue.get(id);
        Path file = store.folder(id).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw ApiError.notFound("job " + id + " has no " + name + " yet");
        }
        return file;
    }

    @Override
    public void close() {
        queue.close();
    }
}
