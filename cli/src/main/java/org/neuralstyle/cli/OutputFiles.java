package org.neuralstyle.cli;

import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.ImageFormatException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before any work starts, that an output can be written without destroying anything. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** An image output: writable, and with an extension we can encode. */
    static void requireWritableImage(Path file, boolean overwrite, String option) {
        requireWritable(file, overwrite, option);
        try {
            ImageFiles.formatOf(file);
        } catch (ImageFormatException e) {
            throw new UserError(option + " " + e.getMessage());
        }
    }

    /** Any output: its folder exists and is writable, and it is not there already unless overwriting. */
    static void requireWritable(Path file, boolean overwrite, String option) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(option + " " + file + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(option + " " + file + ": folder " + dir + " is not writable");
        }
        if (Files.exists(file) && !overwrite) {
            throw new UserError(option + " " + file + " already exists (pass --overwrite to replace it)");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a folder");
        }
    }
}
