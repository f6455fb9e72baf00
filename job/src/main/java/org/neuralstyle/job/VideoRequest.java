package org.neuralstyle.job;

import java.nio.file.Path;
import java.util.List;

/**
 * A video to stylize, as a front end asks for it (null: not given, the default applies): the source and where the
 * result goes (a video file or a folder of frames), the style choices, how frames start and are held together, and
 * {@code allowDamaged}: paint what can be read of a source cut short, with a warning, instead of refusing it;
 * {@code signature}: the options given, as a line, so that a rerun continues only the same job.
 */
public record VideoRequest(Path content, Path output, StyleChoices style, String videoInit, Integer laterIterations,
                           Double temporalWeight, List<Integer> temporalFrames, boolean earlyStop,
                           String flowTolerance, Integer maxFrames, double frameRate, Path framesFolder,
                           boolean keepFrames, boolean overwrite, boolean allowDamaged, String signature) {

    public VideoRequest {
        if (content == null || output == null || style == null || style.styles() == null) {
            throw new IllegalArgumentException("a video needs a content, styles and an output");
        }
        temporalFrames = List.copyOf(temporalFrames);
    }
}
