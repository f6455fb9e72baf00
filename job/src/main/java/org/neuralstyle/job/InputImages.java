package org.neuralstyle.job;

import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the user's images, warning in one line about a file that decoded only in part or was converted to sRGB. */
public final class InputImages {

    private final JobListener listener;

    public InputImages(JobListener listener) {
        this.listener = listener;
    }

    public RgbImage read(Path file, String option) throws IOException {
        return decode(file, option).image();
    }

    /** The image with its alpha channel and the profile it was converted from, said in one line each. */
    public DecodedImage decode(Path file, String option) throws IOException {
        return decode(file, option, 0);
    }

    /**
     * As {@link #decode(Path, String)}, for an image used at most {@code longSide} pixels on its long side (0: full
     * size): a much larger one is averaged down as it is decoded (see {@link ImageFiles#decode(Path, int)}).
     */
    public DecodedImage decode(Path file, String option, int longSide) throws IOException {
        DecodedImage decoded = ImageFiles.decode(file, longSide);
        if (decoded.damaged()) {
            listener.onNote("warning: " + option + " " + file + " is damaged (" + String.join("; ",
                    decoded.damage()) + "); the part that could not be decoded is grey");
        }
        if (decoded.convertedFrom() != null) {
            listener.onNote("note: " + option + " " + file + " converted from its colour profile ("
                    + decoded.convertedFrom() + ") to sRGB");
        }
        return decoded;
    }
}
