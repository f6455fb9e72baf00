package org.neuralstyle.cli;

import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads the user's images, warning in one line about a file that decoded only in part or was converted to sRGB. */
final class InputImages {

    private final PrintWriter err;

    InputImages(PrintWriter err) {
        this.err = err;
    }

    RgbImage read(Path file, String option) throws IOException {
        return decode(file, option).image();
    }

    /** The image with its alpha channel and the profile it was converted from, said in one line each. */
    DecodedImage decode(Path file, String option) throws IOException {
        DecodedImage decoded = ImageFiles.decode(file);
        if (decoded.damaged()) {
            err.println("neural-style: warning: " + option + " " + file + " is damaged (" + String.join("; ",
                    decoded.damage()) + "); the part that could not be decoded is grey");
        }
        if (decoded.convertedFrom() != null) {
            err.println("neural-style: note: " + option + " " + file + " converted from its colour profile ("
                    + decoded.convertedFrom() + ") to sRGB");
        }
        return decoded;
    }
}
