package org.neuralstyle.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;

/**
 * Keeps the program's messages and progress apart from native libraries' logging. TensorFlow's native code
 * writes start-up lines to descriptor 2 whatever its log level; the {@code neural-style} script points
 * descriptor 2 at /dev/null (unless --verbose) and hands the terminal's stderr over as descriptor 3, named by
 * {@code -Dneuralstyle.stderrFd=3}. Java's {@code System.err} is then pointed at that descriptor. Run any other
 * way, nothing changes.
 */
final class ProgramStderr {

    static final String PROPERTY = "neuralstyle.stderrFd";

    private ProgramStderr() {
    }

    static void install() {
        String fd = System.getProperty(PROPERTY);
        if (fd == null) {
            return;
        }
        try {
            // No public API wraps a descriptor number; the script opens java.io for this (--add-opens).
            FileDescriptor descriptor = new FileDescriptor();
            Field number = FileDescriptor.class.getDeclaredField("fd");
            number.setAccessible(true);
            number.setInt(descriptor, Integer.parseInt(fd));
            System.setErr(new PrintStream(new FileOutputStream(descriptor), true));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Keep System.err as it is: messages may then share descriptor 2 with the native logging.
        }
    }
}
