package org.neuralstyle.studio;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jobs on disk, one folder each ({@code jobs/<id>/}: job.json, preview.png, result.png or result.mp4,
 * run.log, losses.json), so the
 * gallery survives the server and the browser. Job ids are made here and checked against their pattern before
 * any path is built from one.
 */
final class JobStore {

    static final String RECORD = "job.json";
    static final String PREVIEW = "preview.png";
    static final String LOG = "run.log";
    static final String LOSSES = "losses.json";
    static final String THUMBNAIL = "thumbnail.jpg";
    private static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");

    private final Path folder;
    private final ObjectMapper json;

    JobStore(Path folder, ObjectMapper json) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The folder of a job; a 404 for anything that is not a job id. */
    Path folder(String id) {
        if (!isId(id)) {
            throw ApiError.notFound("no job " + id);
        }
        return folder.resolve(id);
    }

    Path create(String id) throws IOException {
        return Files.createDirectories(folder(id));
    }

    void save(JobRecord record) {
        try {
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
            AtomicFiles.write(folder(record.id()).resolve(RECORD), out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save job " + record.id(), e);
        }
    }

    void saveLosses(String id, List<LossPoint> losses) {
        try {
            byte[] bytes = json.writeValueAsBytes(losses);
            AtomicFiles.write(folder(id).resolve(LOSSES), out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the losses of job " + id, e);
        }
    }

    List<LossPoint> losses(String id) {
        Path file = folder(id).resolve(LOSSES);
        try {
            return Files.exists(file) ? List.of(json.readValue(file.toFile(), LossPoint[].class)) : List.of();
        } catch (IOException e) {
            return List.of(); // the curve is a nicety; a damaged file loses only it
        }
    }

    /** Every stored job, oldest first; a folder whose job.json cannot be read is left alone. */
    List<JobRecord> loadAll() throws IOException {
        List<JobRecord> records = new ArrayList<>();
        try (Stream<Path> folders = Files.list(folder)) {
            for (Path dir : folders.filter(d -> isId(d.getFileName().toString())).toList()) {
                Path file = dir.resolve(RECORD);
                if (Files.isRegularFile(file)) {
                    try {
                        records.add(json.readValue(file.toFile(), JobRecord.class));
                    } catch (IOException damaged) {
                        // skip it: one bad record must not hide the gallery
                    }
                }
            }
        }
        records.sort(Comparator.comparingLong(JobRecord::createdMillis).thenComparing(JobRecord::id));
        return records;
    }

    void delete(String id) throws IOException {
        Path dir = folder(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
