package org.neuralstyle.cli;

/** A problem with the user's input, reported as one line without a stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
