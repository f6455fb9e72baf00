package org.neuralstyle.video.io;

import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A folder of frame images (.png, .jpg, .jpeg, .bmp), in name order: frame-0001.png, frame-0002.png, ...
 * Every frame must have the first one's size.
 */
final class ImageFolderSource implements FrameSource {

    private final List<Path> files;
    private final Iterator<Path> remaining;
    private final VideoInfo info;
    private int index;

    private ImageFolderSource(List<Path> files, VideoInfo info) {
        this.files = files;
        this.remaining = files.iterator();
        this.info = info;
    }

    static ImageFolderSource open(Path folder, double frameRate) throws IOException {
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
        List<Path> files = FrameSource.frameImages(folder);
        if (files.isEmpty()) {
            throw new VideoFormatException(folder + ": has no frame images (.png, .jpg, .bmp)");
        }
        RgbImage first = ImageFiles.read(files.get(0));
        // Every frame's size from its header, before any is painted: an odd frame found half-way would leave frames
        // painted for nothing.
        for (Path file : files.subList(1, files.size())) {
            int[] size = ImageFiles.dimensions(file);
            if (size[0] != first.width() || size[1] != first.height()) {
                throw new VideoFormatException(file + ": is " + size[0] + "x" + size[1] + ", but "
                        + files.get(0).getFileName() + " is " + first.width() + "x" + first.height()
                        + "; every frame of a folder must have the same size");
            }
        }
        return new ImageFolderSource(files, new VideoInfo(first.width(), first.height(), false,
                FrameTiming.constant(files.size(), frameRate)));
    }

    static boolean isFrameImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && Files.isRegularFile(file)
                && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp"));
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    @Override
    public TimedFrame next() throws IOException {
        if (!remaining.hasNext()) {
            return null;
        }
        Path file = remaining.next();
        RgbImage image = ImageFiles.read(file);
        if (image.width() != info.width() || image.height() != info.height()) {
            throw new VideoFormatException(file + ": is " + image.width() + "x" + image.height() + ", but "
                    + files.get(0).getFileName() + " is " + info.width() + "x" + info.height());
        }
        long timestamp = Math.round(index++ * 1e6 / info.frameRate());
        return new TimedFrame(image, timestamp);
    }

    @Override
    public void close() {
        // files are read whole; nothing stays open
    }
}
