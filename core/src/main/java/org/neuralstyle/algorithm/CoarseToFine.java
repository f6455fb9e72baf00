package org.neuralstyle.algorithm;

import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.optim.Adam;

import java.util.ArrayList;
import java.util.List;

/**
 * Coarse-to-fine style transfer (as jcjohnson/neural-style's multires scripts): optimise at a small width
 * first, where an iteration costs a fraction, then upsample the result as the initial image of the next
 * width. The large strokes of the style settle cheaply at the coarse scale; the fine scales only refine.
 * The content image is resized from the original for each scale, and each style to its scale x that width.
 * With {@link StyleTransferOptions#carryAdamState()}, Adam's moments go on to the next scale, resized
 * ({@link ScaledAdamState}).
 *
 * <pre>{@code
 * new CoarseToFine(new StyleTransfer(weights)).stylize(content, styles, options,
 *         List.of(new CoarseToFine.Scale(256, 300), new CoarseToFine.Scale(512, 100)), listener);
 * }</pre>
 */
public final class CoarseToFine {

    /** One scale: the output width at it and the iterations spent there. */
    public record Scale(int width, int iterations) {
        public Scale {
            if (width < 2) {
                throw new IllegalArgumentException("a scale's width must be at least 2, got " + width);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("a scale's iterations must be at least 1, got " + iterations);
            }
        }
    }

    private final StyleTransfer transfer;

    public CoarseToFine(StyleTransfer transfer) {
        this.transfer = transfer;
    }

    /**
     * Stylizes at each scale in turn (widths strictly increasing); the output has the last scale's width and
     * the content's aspect ratio. The options' iterations are replaced by each scale's; the initialization
     * applies to the first scale; colours are preserved (if asked) only in the output. A stop or a loss that
     * is no longer finite ends the run with that scale's best image, upsampled to the output size.
     */
    public StyleTransferResult stylize(RgbImage content, List<StyleImage> styles, StyleTransferOptions options,
                                       List<Scale> scales, StyleTransferListener listener) {
        requireIncreasing(scales);
        long start = System.nanoTime();
        int total = totalIterations(scales);
        List<LossTerms> history = new ArrayList<>();
        RgbImage previous = null;
        Adam.State adam = null;
        int offset = 0;
        for (int k = 0; k < scales.size(); k++) {
            Scale scale = scales.get(k);
            boolean last = k == scales.size() - 1;
            StyleTransferOptions atScale = options.forRun(scale.iterations(),
                            previous == null ? options.initialization() : Initialization.image(previous, 0))
                    .toBuilder().preserveColors(last && options.preserveColors()).build();
            RgbImage contentAtScale = Resampling.toWidth(content, scale.width());
            Adam.State adamStart = adam == null || !options.carryAdamState() ? null : ScaledAdamState.resized(adam, previous.width(),
                    previous.height(), contentAtScale.width(), contentAtScale.height());
            StyleTransfer.PassOutcome outcome = transfer.stylize(contentAtScale, styles, atScale, listener,
                    new StyleTransfer.Pass(k + 1, scales.size(), offset, total, adamStart), start);
            StyleTransferResult result = outcome.result();
            // A later scale's iteration 0 is the previous scale's result, already counted.
            history.addAll(previous == null ? result.history() : result.history().subList(1, result.history().size()));
            if (last || result.ending() != StyleTransferResult.Ending.COMPLETED) {
                RgbImage output = last ? result.image()
                        : Resampling.toWidth(result.image(), scales.get(scales.size() - 1).width());
                return new StyleTransferResult(output, result.loss(), result.bestIteration(), history,
                        result.ending(), result.elapsed());
            }
            previous = result.image();
            adam = outcome.adamEnd();
            offset += scale.iterations();
        }
        throw new AssertionError("the last scale returns");
    }

    /** Outputs wider than this are made coarse to fine unless the caller gives its own scales. */
    public static final int AUTOMATIC_ABOVE = 512;
    /** The first scale of an automatic plan is at least this wide. */
    public static final int SMALLEST_SCALE = 256;

    /**
     * The plan for an output width: one scale up to {@link #AUTOMATIC_ABOVE}; above, widths halving down from the
     * output while they stay at least {@link #SMALLEST_SCALE} (1024: 256, 512, 1024), the first with the full
     * iterations, each later one with half as many, since it starts from a finished picture. Measured with
     * SqueezeNet at 1024 px (china + The Great Wave; README, Quality): against 300 iterations at 1024 alone, the
     * same sharpness and edge band in about half the time.
     */
    public static List<Scale> automaticPlan(int outputWidth, int iterations) {
        if (outputWidth <= AUTOMATIC_ABOVE) {
            return List.of(new Scale(outputWidth, iterations));
        }
        return planFrom(outputWidth, iterations, SMALLEST_SCALE);
    }

    /**
     * The plan that starts at least {@code coarsest} wide at any output width: the output's width halved while it stays
     * that wide, the first scale with the full iterations, each later one with half. Neural neighbours' own
     * (Kolkin et al. 2022, NNST: 64 to 512 px): from 128 px at 512 (128, 256, 512 with 300, 150, 150 iterations, about
     * the time of 300 at 512 alone) the strokes come out broad and the painting's palette and swirls take the picture
     * over, where one scale lays a finer texture on the photo (docs/neighbours.md).
     */
    public static List<Scale> planFrom(int outputWidth, int iterations, int coarsest) {
        if (coarsest < 1) {
            throw new IllegalArgumentException("the coarsest scale must be at least 1 px wide, got " + coarsest);
        }
        List<Integer> widths = new ArrayList<>();
        for (int w = outputWidth; w >= coarsest || widths.isEmpty(); w /= 2) {
            widths.add(0, w);
        }
        List<Scale> plan = new ArrayList<>();
        for (int k = 0; k < widths.size(); k++) {
            plan.add(new Scale(widths.get(k), k == 0 ? iterations : Math.max(1, iterations / 2)));
        }
        return plan;
    }

    /** The iterations of all scales together: how a coarse-to-fine run numbers its last iteration. */
    public static int totalIterations(List<Scale> scales) {
        return scales.stream().mapToInt(Scale::iterations).sum();
    }

    private static void requireIncreasing(List<Scale> scales) {
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("at least one scale is needed");
        }
        for (int k = 1; k < scales.size(); k++) {
            if (scales.get(k).width() <= scales.get(k - 1).width()) {
                throw new IllegalArgumentException("scale widths must increase, got " + scales.get(k - 1).width()
                        + " then " + scales.get(k).width());
            }
        }
    }
}
