package org.neuralstyle.job;

import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.ImageFormatException;
import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks, before any work starts, that the outputs can be written without destroying anything: each folder
 * exists and really takes a file (a probe file is made and removed: permissions alone do not show a read-only
 * mount or a full quota), nothing is overwritten without --overwrite, and each file system has room for what
 * the run will write there.
 */
public final class OutputFiles {

    /** One file a run will write, with a generous estimate of its size. */
    public record Planned(Path file, String option, long bytes) {
    }

    /** Room kept free beyond the estimates, for the file system's own needs. */
    private static final long MARGIN = 1 << 20;

    private OutputFiles() {
    }

    /** An image output: writable, and with an extension we can encode. */
    public static void requireWritableImage(Path file, boolean overwrite, String option) {
        requireWritable(file, overwrite, option);
        try {
            ImageFiles.formatOf(file);
        } catch (ImageFormatException e) {
            throw new UserError(option + " " + e.getMessage());
        }
    }

    /** Any output: its folder exists and takes files, and it is not there already unless overwriting. */
    public static void requireWritable(Path file, boolean overwrite, String option) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(option + " " + file + ": folder " + dir + " does not exist");
        }
        if (Files.exists(file) && !overwrite) {
            throw new UserError(option + " " + file + " already exists (pass --overwrite to replace it)");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a folder");
        }
        Path probe = dir.resolve(".neural-style-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot write in folder " + dir + " (" + AtomicFiles.reason(e) + ")");
        }
    }

    /**
     * The most an RGB image of this size can take as a file: uncompressed pixels plus PNG's filter byte per row,
     * chunk headers and room for metadata. PNG and JPEG files are smaller.
     */
    public static long imageBytes(int width, int height) {
        return 3L * width * height + height + (64 << 10);
    }

    /** Each file system must have room for everything planned on it. */
    public static void requireSpace(List<Planned> outputs) {
        Map<FileStore, Long> needed = new LinkedHashMap<>();
        Map<FileStore, Planned> first = new LinkedHashMap<>();
        for (Planned p : outputs) {
            try {
                FileStore store = Files.getFileStore(p.file().toAbsolutePath().getParent());
                needed.merge(store, p.bytes(), Long::sum);
                first.putIfAbsent(store, p);
            } catch (IOException e) {
                throw new UserError(p.option() + " " + p.file() + ": cannot tell the free space there ("
                        + AtomicFiles.reason(e) + ")");
            }
        }
        for (var entry : needed.entrySet()) {
            long free;
            try {
                free = entry.getKey().getUsableSpace();
            } catch (IOException e) {
                continue; // a file system that cannot say: the write itself will tell, and the result is rescued
            }
            if (free < entry.getValue() + MARGIN) {
                Planned p = first.get(entry.getKey());
                throw new UserError(String.format(Locale.ROOT, "%s %s: only %s free there, the run's outputs there need "
                        + "up to %s", p.option(), p.file(), megabytes(free), megabytes(entry.getValue() + MARGIN)));
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
