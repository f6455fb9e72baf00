package org.neuralstyle.weights;

import java.io.IOException;

/** A weights file that cannot be used; the message names the file and what is wrong with it. */
public class WeightsFormatException extends IOException {
    public WeightsFormatException(String message) {
        super(message);
    }

    public WeightsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
