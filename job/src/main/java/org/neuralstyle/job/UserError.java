package org.neuralstyle.job;

/** A problem with the user's input, reported as one line without a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
