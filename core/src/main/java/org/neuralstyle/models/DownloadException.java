package org.neuralstyle.models;

import java.io.IOException;

/** A download that did not produce a verified file; the message says what to do instead. */
public class DownloadException extends IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
