package org.neuralstyle.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that they appear whole or not at all: the bytes go to a hidden part file beside the target,
 * which is moved into place only when complete. An interrupted or failed write never leaves a half-written
 * output, and never damages the file it was to replace.
 */
public final class AtomicFiles {

    /** Writes a file's bytes to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "output folder does not exist");
        }
        // Not createTempFile: its owner-only permissions would carry over to the output.
        Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, file);
        } catch (FileSystemException e) {
            // The part file is ours, not the user's: the error names the file they asked for.
            throw new FileSystemException(file.toString(), null, reason(e));
        } catch (IOException e) {
            throw new IOException(file + ": cannot write (" + reason(e) + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                // nothing was written there that anyone can miss
            }
        }
    }

    /**
     * Why a write failed, in words without the part file's name: "permission denied", "No space left on device".
     * Encoders wrap the file system's error in their own ("I/O error writing PNG file!"): the innermost one says it.
     */
    public static String reason(IOException error) {
        IOException e = error;
        for (Throwable c = error.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                e = io;
            }
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Renames a finished file onto the target, atomically where the file system can. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
