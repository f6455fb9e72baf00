package org.neuralstyle.image;

import java.io.IOException;

/** A file that cannot be read or written as an image; the message names the file and the reason. */
public class ImageFormatException extends IOException {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
