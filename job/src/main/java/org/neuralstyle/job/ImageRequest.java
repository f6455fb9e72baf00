package org.neuralstyle.job;

import java.nio.file.Path;
import java.util.List;

/**
 * One picture to paint, as a front end asks for it (null: not given, the default applies): the photo and where the
 * picture goes, the style choices, coarse-to-fine scales, checkpoints, the loss plot, tiles and the output's
 * encoding; whether the best image so far is kept on disk while the run goes on ({@code keepBest}).
 * {@code recordedArguments} is the command that reproduces the picture, without the options that only say
 * where results go; the picture carries it ({@link RecordedSettings}).
 */
public record ImageRequest(Path content, Path output, StyleChoices style, List<Integer> scales,
                           List<Integer> scaleIterations, Integer coarsestWidth, String checkpointOutput, Integer checkpointIterations,
                           Path progressPlot, Integer tileSize, int bitDepth, int jpegQuality, boolean overwrite,
                           boolean keepBest, boolean verbose, String version, List<String> recordedArguments) {

    public ImageRequest {
        if (content == null || output == null || style == null || style.styles() == null) {
            throw new IllegalArgumentException("a picture needs a content, styles and an output");
        }
        recordedArguments = List.copyOf(recordedArguments);
    }
}
