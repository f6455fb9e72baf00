package org.neuralstyle.studio;

import org.neuralstyle.job.JobListener;
import java.nio.file.Path;
import java.util.List;

/**
 * What runs a job: the command line program, in this JVM. A job is the program's own argument list, so the
 * "copy as CLI command" of a finished job is exactly what ran, and every option means what it means on the
 * command line. The studio never interprets option values itself.
 */
public interface JobRunner {

    /** The options a job may set, with help and defaults from the command line's own definitions. */
    OptionCatalogue catalogue();

    /**
     * Checks an argument list as a run would before its work starts (option values, images, sizes, memory),
     * without loading the network; throws {@link IllegalArgumentException} with the one-line reason.
     */
    void check(List<String> arguments);

    /** Runs the program with these arguments, reporting to the listener; its output lines go to {@code log}. */
    JobOutcome run(List<String> arguments, JobListener listener, Path log);

    /** The size of a video file the program can read, or null where the file is not a video. */
    VideoSize probeVideo(Path file);

    /** A video's frame size and frame count. */
    record VideoSize(int width, int height, int frames) {
    }

    /** How a run ended: the program's exit status and, for a failure, its one-line message. */
    record JobOutcome(int exitStatus, String message) {

        public static final int INTERRUPTED = 130;

        public boolean succeeded() {
            return exitStatus == 0;
        }
    }
}
