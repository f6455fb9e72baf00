package org.neuralstyle.studio;

import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small pictures for the page's lists (uploads, queue, gallery): made once, the first time one is asked for, as a
 * JPEG at most {@link #SIDE} px on its long side beside the picture it shows, so a gallery of print-size results
 * loads a few kilobytes a card.
 */
final class Thumbnails {

    static final int SIDE = 256;

    private Thumbnails() {
    }

    /** The thumbnail of {@code picture} at {@code thumbnail}, made now if it is not there yet. */
    static Path of(Path picture, Path thumbnail) throws IOException {
        if (!Files.isRegularFile(thumbnail)) {
            RgbImage image = ImageFiles.decode(picture, SIDE).image();
            int longSide = Math.max(image.width(), image.height());
            if (longSide > SIDE) {
                int w = Math.max(1, Math.round((float) image.width() * SIDE / longSide));
                int h = Math.max(1, Math.round((float) image.height() * SIDE / longSide));
                image = Resampling.resize(image, w, h);
            }
            Files.createDirectories(thumbnail.getParent());
            ImageFiles.write(image, thumbnail);
        }
        return thumbnail;
    }
}
