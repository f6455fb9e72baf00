package org.neuralstyle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files of a folder a batch takes: images and videos, by extension, in name order. */
final class MediaFiles {

    static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp", "tif", "tiff");
    static final Set<String> VIDEOS = Set.of("mp4", "mov", "mkv", "avi", "webm", "m4v");

    private MediaFiles() {
    }

    static boolean isVideo(Path file) {
        return VIDEOS.contains(extension(file));
    }

    static boolean isMedia(Path file) {
        return IMAGES.contains(extension(file)) || VIDEOS.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /**
     * Each entry as given: a file as it is, a folder as its images (and videos, where {@code videos}) in name
     * order; a missing path or a folder with none is an error naming it.
     */
    static List<Path> expand(List<Path> entries, boolean videos, String what) {
        List<Path> files = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> list = Files.list(entry)) {
                    List<Path> found = list.filter(Files::isRegularFile)
                            .filter(f -> IMAGES.contains(extension(f)) || videos && isVideo(f)).sorted().toList();
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException(what + " " + entry + ": the folder holds no "
                                + (videos ? "images or videos" : "images"));
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    throw new IllegalArgumentException(what + " " + entry + ": cannot list the folder (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(entry)) {
                if (!videos && isVideo(entry)) {
                    throw new IllegalArgumentException(what + " " + entry + ": a style is an image, not a video");
                }
                files.add(entry);
            } else {
                throw new IllegalArgumentException(what + " " + entry + ": no such file or folder");
            }
        }
        return files;
    }
}
