package org.neuralstyle.video;

import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.SequenceStyleTransfer;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.algorithm.TemporalTarget;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.video.flow.FrameMotion;
import org.neuralstyle.video.flow.OpticalFlow;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.TimedFrame;
import org.neuralstyle.video.io.VideoFormatException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stylizes a video frame by frame into a {@link FrameStore}, continuing after the frames an earlier run of the
 * same job finished. Frame 1 starts from the options' initial image; later frames start as {@link VideoInit}
 * says: afresh, from the previous stylized frame, or from it warped by the optical flow and held to it by the
 * temporal loss. Each frame may stop early at the previous frame's final loss.
 */
public final class VideoStyleTransfer {

    private final NetworkWeights weights;
    private final EngineSettings engine;
    private final List<StyleImage> styles;
    private final StyleTransferOptions options;
    private final VideoSettings settings;
    private final Supplier<OpticalFlow> flows;
    /** Masks that move with the video; null: each style keeps its region. */
    private final MaskFrames maskFrames;

    public VideoStyleTransfer(NetworkWeights weights, EngineSettings engine, List<StyleImage> styles,
                              StyleTransferOptions options, VideoSettings settings, Supplier<OpticalFlow> flows) {
        this(weights, engine, styles, options, settings, flows, null);
    }

    public VideoStyleTransfer(NetworkWeights weights, EngineSettings engine, List<StyleImage> styles,
                              StyleTransferOptions options, VideoSettings settings, Supplier<OpticalFlow> flows,
                              MaskFrames maskFrames) {
        this.maskFrames = maskFrames;
        this.weights = weights;
        this.engine = engine;
        this.styles = List.copyOf(styles);
        this.options = options;
        this.settings = settings;
        this.flows = flows;
    }

    /** The content frame k as the optimisation sees it: the source frame resized to the settings' size. */
    static RgbImage contentFrame(TimedFrame frame, VideoSettings settings) {
        return Resampling.resize(frame.image(), settings.width(), settings.height());
    }

    public VideoResult stylize(FrameSource source, FrameStore store, VideoListener listener) throws IOException {
        int frames = settings.frames();
        int done = Math.min(store.finishedFrames(), frames);
        double temporalWeight = settings.init() == VideoInit.FLOW ? settings.temporalWeight() : 0;
        List<FrameReport> reports = new ArrayList<>();
        // The last few frames, newest first: what later frames start from and are held to.
        Deque<Done> history = new ArrayDeque<>();
        SequenceStyleTransfer sequence = null;
        try (OpticalFlow flow = settings.init() == VideoInit.FLOW ? flows.get() : null) {
            for (int k = 1; k <= frames; k++) {
                TimedFrame decoded = source.next();
                if (decoded == null) {
                    throw new VideoFormatException("the video ended after " + (k - 1) + " of " + frames + " frames");
                }
                if (k <= done) { // finished earlier: only the ones later frames look back to are read
                    if (k > done - settings.history()) {
                        remember(history, new Done(contentFrame(decoded, settings), store.read(k), store.loss(k)));
                    }
                    continue;
                }
                RgbImage content = contentFrame(decoded, settings);
                if (sequence == null) {
                    sequence = new SequenceStyleTransfer(weights, engine, styles, options, temporalWeight, content);
                }
                if (maskFrames != null) {
                    sequence.setStyleRegions(maskFrames.regionsAt(k, styles));
                }
                int iterations = settings.iterationsOf(k);
                listener.onFrameStart(k, frames, iterations);
                long start = System.nanoTime();
                SequenceStyleTransfer.Frame job = frameJob(k, content, List.copyOf(history), iterations, flow);
                StyleTransferResult result = sequence.stylize(job, listener);
                if (result.ending() == StyleTransferResult.Ending.STOPPED) {
                    return new VideoResult(frames, done, reports, true);
                }
                if (result.ending() == StyleTransferResult.Ending.NOT_FINITE) {
                    throw new ArithmeticException("the loss of frame " + k + " stopped being finite after iteration "
                            + result.iterationsRun() + " (try a lower --learning-rate)");
                }
                // What a resumed run would read back from the PNG, so resuming changes nothing.
                RgbImage stylized = quantized(result.image());
                store.write(k, stylized, result.loss().total());
                FrameReport report = new FrameReport(k, frames, result.iterationsRun(), result.loss(),
                        Duration.ofNanos(System.nanoTime() - start), result.ending());
                reports.add(report);
                listener.onFrameDone(report);
                remember(history, new Done(content, stylized, result.loss().total()));
            }
            return new VideoResult(frames, done, reports, false);
        } finally {
            if (sequence != null) {
                sequence.close();
            }
        }
    }

    /** A finished frame: its content, its stylized image and its final loss. */
    private record Done(RgbImage content, RgbImage stylized, double loss) {
    }

    private void remember(Deque<Done> history, Done frame) {
        history.addFirst(frame);
        while (history.size() > settings.history()) {
            history.removeLast();
        }
    }

    /** @param history the finished frames before frame k, newest first */
    private SequenceStyleTransfer.Frame frameJob(int k, RgbImage content, List<Done> history, int iterations,
                                                 OpticalFlow flow) {
        // Losses of frames whose masks differ are not comparable: with moving masks every frame takes its budget.
        double stopLoss = settings.earlyStop() && k > 1 && maskFrames == null ? history.get(0).loss()
                : Double.NEGATIVE_INFINITY;
        if (k == 1 || settings.init() == VideoInit.INDEPENDENT) {
            return new SequenceStyleTransfer.Frame(content, options.initialization(), iterations, null, stopLoss);
        }
        if (settings.init() == VideoInit.PREVIOUS) {
            return new SequenceStyleTransfer.Frame(content, Initialization.image(history.get(0).stylized(), 0),
                    iterations, null, stopLoss);
        }
        // Start from the previous frame warped where the flow holds, from this frame's content where it does not
        // (a wrong flow's warp is a ghost that a later frame's few iterations cannot paint over); hold to each
        // earlier frame in J that exists yet, where its flow holds.
        FrameMotion fromPrevious = FrameMotion.between(flow, history.get(0).content(), content)
                .checkedAgainst(history.get(0).content(), content, settings.flowTolerance());
        RgbImage start = fromPrevious.warpOr(history.get(0).stylized(), content);

        List<RgbImage> warped = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        for (int j : settings.temporalFrames()) {
            if (j > history.size()) {
                break;
            }
            Done earlier = history.get(j - 1);
            FrameMotion motion = j == 1 ? fromPrevious : FrameMotion.between(flow, earlier.content(), content)
                    .checkedAgainst(earlier.content(), content, settings.flowTolerance());
            warped.add(motion.warp(earlier.stylized()));
            masks.add(motion.mask());
        }
        TemporalTarget target = warped.isEmpty() ? null : LongTermTarget.of(warped, masks);
        return new SequenceStyleTransfer.Frame(content, Initialization.image(start, 0), iterations, target, stopLoss);
    }

    static RgbImage quantized(RgbImage image) {
        float[] px = image.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.max(0, Math.min(255, Math.round(px[i])));
        }
        return new RgbImage(image.width(), image.height(), px);
    }
}
