package org.neuralstyle.video.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Frames in order, from a video file or a folder of images. */
public interface FrameSource extends AutoCloseable {

    /** Size, rate, frame count and audio; a file's frames are counted on the first call. */
    VideoInfo info() throws IOException;

    /** The next frame, or null after the last. */
    TimedFrame next() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * A folder is read as its images in name order, shown at {@code folderFrameRate}; a file is decoded by
     * FFmpeg. Fails with a one-line message when nothing can be read, or when there are no frames (a file's
     * frames: at the first {@link #info()}).
     */
    /** A folder's frame images (.png, .jpg, .jpeg, .bmp) in name order. */
    static java.util.List<Path> frameImages(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> list = Files.list(folder)) {
            return list.filter(ImageFolderSource::isFrameImage).sorted().toList();
        }
    }

    static FrameSource open(Path path, double folderFrameRate) throws IOException {
        if (Files.isDirectory(path)) {
            return ImageFolderSource.open(path, folderFrameRate);
        }
        return FfmpegFrameSource.open(path);
    }
}
