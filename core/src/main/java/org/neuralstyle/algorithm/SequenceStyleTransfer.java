package org.neuralstyle.algorithm;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;

import java.util.List;

/**
 * Stylizes a sequence of content images of one size with the same styles, the frames of a video: the loss
 * graph and the style targets are built once, and each frame only feeds its content. Each frame says where
 * its optimisation starts (noise, or the previous stylized frame, plain or warped) and may be held to the
 * previous frame by Ruder et al.'s temporal loss.
 *
 * <p>Owns a TensorFlow graph; close it when done.
 */
public final class SequenceStyleTransfer implements AutoCloseable {

    /**
     * One frame's job: its content, where to start, how many iterations at most, an optional temporal target
     * (null: none, as for the first frame), and a loss at which to stop early (negative infinity: never).
     */
    public record Frame(RgbImage content, Initialization start, int iterations, TemporalTarget temporal,
                        double stopLoss) {

        public Frame {
            if (iterations < 1) {
                throw new IllegalArgumentException("a frame needs at least 1 iteration, got " + iterations);
            }
        }
    }

    private final StyleTransfer transfer;
    private final StyleTransferOptions options;
    private final List<StyleImage> styles;
    private final StyleTransferGraph graph;

    /**
     * @param temporalWeight w_t of the temporal loss; 0 builds the graph without it
     * @param frameSize      an image of the frames' size (the styles are scaled to its width)
     */
    public SequenceStyleTransfer(NetworkWeights weights, EngineSettings engine, List<StyleImage> styles,
                                 StyleTransferOptions options, double temporalWeight, RgbImage frameSize) {
        this.transfer = new StyleTransfer(weights, engine);
        this.options = options;
        this.styles = List.copyOf(styles);
        this.graph = transfer.openGraph(frameSize, styles, options, temporalWeight);
    }

    public int width() {
        return graph.width();
    }

    public int height() {
        return graph.height();
    }

    /** Where each style is painted from now on (regions that move with the video); the styles must have had regions. */
    public void setStyleRegions(List<StyleRegion> regions) {
        graph.setStyleRegions(regions);
    }

    /** Stylizes one frame; returns its lowest-loss image, as {@link StyleTransfer#stylize}. */
    public StyleTransferResult stylize(Frame frame, StyleTransferListener listener) {
        RgbImage content = frame.content();
        if (content.width() != width() || content.height() != height()) {
            throw new IllegalArgumentException("frame is " + content.width() + "x" + content.height()
                    + ", the sequence is " + width() + "x" + height());
        }
        graph.setContent(content);
        if (frame.temporal() != null) {
            graph.setTemporalTarget(frame.temporal().warpedPrevious(), frame.temporal().mask());
        } else if (graph.hasTemporalTerm()) {
            graph.clearTemporalTarget();
        }
        StyleTransferOptions frameOptions = options.forRun(frame.iterations(), frame.start());
        float[] x = transfer.initialImage(content, frame.start(), options.seed());
        return transfer.optimise(graph, x, content, options.colors().finish(content, styles), frameOptions, listener,
                StyleTransfer.Pass.only(frame.iterations()), System.nanoTime(), frame.stopLoss()).result();
    }

    @Override
    public void close() {
        graph.close();
    }
}
