package org.neuralstyle.job;

import org.neuralstyle.image.ImageEncoding;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.io.AtomicFiles;
import org.neuralstyle.models.ModelCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the finished result, and where that fails after all the checks (the disk filled during the run, the
 * folder went away), keeps it: the image goes to a rescue folder ({@code rescued/} in the cache folder, else the
 * system's temporary folder) and the one-line error says where it is.
 */
final class ResultRescue {

    private final Path rescueFolder;

    ResultRescue(Path rescueFolder) {
        this.rescueFolder = rescueFolder;
    }

    static ResultRescue inCache() {
        return new ResultRescue(ModelCache.fromEnvironment().directory().resolve("rescued"));
    }

    void write(RgbImage image, Path output, String option) {
        write(image, null, ImageEncoding.DEFAULT, output, option);
    }

    /** The image with its alpha (or null) as the encoding says; the rescued copy is a PNG of the same depth. */
    void write(RgbImage image, float[] alpha, ImageEncoding encoding, Path output, String option) {
        try {
            ImageFiles.write(image, alpha, output, encoding);
            return;
        } catch (IOException e) {
            String why = AtomicFiles.reason(e);
            Path kept = keep(image, alpha, encoding, output);
            throw new UserError(option + " " + output + ": cannot write (" + why + "); "
                    + (kept != null ? "the result is safe in " + kept : "the result could not be saved anywhere"));
        }
    }

    /** The image in the rescue folder or, failing that, the temporary folder; null if neither takes it. */
    private Path keep(RgbImage image, float[] alpha, ImageEncoding encoding, Path output) {
        String stem = output.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".png";
        for (Path folder : new Path[] {rescueFolder, Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(folder);
                Path file = folder.resolve(name);
                ImageFiles.write(image, alpha, file, encoding);
                return file;
            } catch (IOException | RuntimeException tryTheNext) {
                // the next place
            }
        }
        return null;
    }
}
