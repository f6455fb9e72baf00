package org.neuralstyle.video.io;

import java.io.IOException;

/** A video or frame folder that cannot be read or written as asked; the message names the file. */
public final class VideoFormatException extends IOException {

    public VideoFormatException(String message) {
        super(message);
    }
}
