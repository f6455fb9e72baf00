package org.neuralstyle.job.options;

import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.job.StyleChoices;
import org.neuralstyle.job.options.JobOption.Shape;
import org.neuralstyle.video.VideoSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.neuralstyle.job.options.DefaultsText.contentLayers;
import static org.neuralstyle.job.options.DefaultsText.learningRateSchedule;
import static org.neuralstyle.job.options.DefaultsText.name;
import static org.neuralstyle.job.options.DefaultsText.styleLayers;
import static org.neuralstyle.job.options.DefaultsText.text;

/**
 * Every option of a picture's or a video's job, declared once, grouped by concern in the order {@code --help} lists
 * them: the command line builds its parser and help from this table, the studio its form and batch its jobs. Option
 * names and defaults follow the reference implementation; the defaults shown come from where the run reads them
 * ({@link DefaultsText}, {@link RequestBuilder}).
 */
public final class JobOptions {

    /** --threads' help, for the commands outside jobs that take it too (bench). */
    public static final String THREADS_HELP = "CPU threads for TensorFlow (default: all cores).";
    /** --precision's help, likewise. */
    public static final String PRECISION_HELP = "Number format of the network's convolutions (and of the "
            + "neural-neighbour search): bf16 on CPUs with AVX512_BF16 or AMX (the loss and optimiser stay fp32; "
            + "elsewhere it runs in fp32 with a note), fp32, or auto: bf16 where the processor has it (default: auto).";

    private static final List<JobOption> ALL = declare();

    private JobOptions() {
    }

    /** The options of a kind of job, in the order of their groups. */
    public static List<JobOption> of(JobKind kind) {
        return ALL.stream().filter(o -> o.appliesTo(kind)).toList();
    }

    /** The option of a kind of job with this name (or alias). */
    public static Optional<JobOption> find(String name, JobKind kind) {
        return of(kind).stream().filter(o -> o.names().contains(name)).findFirst();
    }

    /** Whether either kind of job takes an option of this name. */
    public static boolean isJobOption(String name) {
        return ALL.stream().anyMatch(o -> o.names().contains(name));
    }

    private static List<JobOption> declare() {
        List<Declared> d = new ArrayList<>();
        // Input and output
        d.add(value("--content", "FILE", Path.class, (r, v) -> r.content = v).image().notForStudio()
                .help("Content image (required)."));
        d.add(value("--content", "VIDEO", Path.class, (r, v) -> r.content = v).video().notForStudio()
                .help("The video: a file (.mp4, .avi, .mov, ...) or a folder of frame images in name order."));
        d.add(words("--styles", "FILE", Path.class, (r, v) -> r.styles = v).notForStudio()
                .help("One or more style images (required)."));
        d.add(value("--output", "FILE", Path.class, (r, v) -> r.output = v).image().notForStudio().notRecorded()
                .help("Output image: .png, .jpg, .tif, .bmp (required)."));
        d.add(value("--output", "FILE|FOLDER", Path.class, (r, v) -> r.output = v).video().notForStudio()
                .help("A video file (.mp4, .mov, .mkv, .avi) or a folder for the stylized frames (PNG)."));
        d.add(flag("--overwrite", (r, v) -> r.overwrite = v).image().notForStudio().notRecorded()
                .help("Replace existing output files."));
        d.add(flag("--overwrite", (r, v) -> r.overwrite = v).video().notForStudio().notInSignature()
                .help("Replace an existing output, and frames of a different run."));
        d.add(value("--bit-depth", "8|16", Integer.class, (r, v) -> r.bitDepth = v).image()
                .help("Bits per channel of the output: 16 keeps the optimised image's fine gradations for printing "
                        + "and editing (.png and .tif only; default: " + RequestBuilder.DEFAULT_BIT_DEPTH + ")."));
        d.add(value("--jpeg-quality", "Q", Integer.class, (r, v) -> r.jpegQuality = v).image()
                .help("Quality of a .jpg output, 1-100 (default: " + RequestBuilder.DEFAULT_JPEG_QUALITY + ")."));
        d.add(value("--checkpoint-output", "PATTERN", String.class, (r, v) -> r.checkpointOutput = v).image()
                .notForStudio().notRecorded()
                .help("Write the best image so far to this pattern every --checkpoint-iterations, %s = iteration "
                        + "(e.g. out_%s.png)."));
        d.add(value("--checkpoint-iterations", "N", Integer.class, (r, v) -> r.checkpointIterations = v).image()
                .notForStudio().notRecorded().help("Checkpoint interval."));
        d.add(value("--progress-plot", "FILE", Path.class, (r, v) -> r.progressPlot = v).image().notForStudio()
                .notRecorded().help("Write a PNG of the loss curves."));
        d.add(value("--print-iterations", "N", Integer.class, (r, v) -> r.printIterations = v).image().notForStudio()
                .notRecorded()
                .help("Print the loss terms every N iterations (default: every tenth of the run when not on a terminal)."));
        d.add(toggle("--keep-best", (r, v) -> r.keepBest = v).image().notRecorded()
                .help("While the run goes on, keep its best image so far as OUTPUT.partial.png (out.png: "
                        + "out.partial.png), every tenth of the run and at least every 30 s, so that a crash or a kill "
                        + "loses little; removed when the picture is written (default: on)."));
        d.add(flag("--verbose", (r, v) -> r.verbose = v).image().alias("-v").notForStudio().notRecorded()
                .help("Report what was loaded; stack traces on errors."));
        d.add(flag("--verbose", (r, v) -> r.verbose = v).video().alias("-v").notForStudio().notInSignature()
                .help("Stack traces on errors."));
        // Style
        d.add(value("--style-strength", "S", Double.class, (r, v) -> r.styleStrength = v).group(OptionGroup.STYLE)
                .help("How strongly the style shows: S times the style weight, the same for every network (default: "
                        + text(StyleChoices.DEFAULT_STYLE_STRENGTH) + "; 0.3 keeps much of the photo, 3 paints it over; "
                        + "with --style-loss neighbours only beside a content term, e.g. --content-loss self-similarity)."));
        d.add(value("--style-weight", "W", Double.class, (r, v) -> r.styleWeight = v).group(OptionGroup.STYLE)
                .help("Style loss weight (default: " + DefaultsText.withNeighbours((n, o) -> o.styleWeight()) + ")."));
        d.add(value("--content-weight", "W", Double.class, (r, v) -> r.contentWeight = v).group(OptionGroup.STYLE)
                .help("Content loss weight (default: " + DefaultsText.withNeighbours((n, o) -> o.contentWeight()) + ")."));
        d.add(value("--tv-weight", "W", Double.class, (r, v) -> r.tvWeight = v).group(OptionGroup.STYLE)
                .help("Total-variation weight (default: " + DefaultsText.withNeighbours((n, o) -> o.tvWeight()) + ")."));
        d.add(list("--style-scales", "S", Double.class, (r, v) -> r.styleScales = v).group(OptionGroup.STYLE)
                .help("Per style: resize it to S x the content width (default 1.0 each)."));
        d.add(list("--style-masks", "FILE", Path.class, (r, v) -> r.styleMasks = v).group(OptionGroup.STYLE)
                .notForStudio()
                .help("Per style: where it is painted, a greyscale image of any size (white: this style here, grey: "
                        + "partly, black: not; resized to the output; all: everywhere). Where no mask is white the "
                        + "photo stays as it is."));
        d.add(list("--style-image-masks", "FILE", Path.class, (r, v) -> r.styleImageMasks = v).group(OptionGroup.STYLE)
                .notForStudio()
                .help("Per style: the part of the painting to learn from, a greyscale image of any size over the "
                        + "painting (white: learn from here, e.g. only its sky; all: the whole painting)."));
        d.add(value("--regions-from", "colours|luminance[:T]", String.class, (r, v) -> r.regionsFrom = v)
                .group(OptionGroup.STYLE)
                .help("Place the styles by the photo itself, without masks: colours (its colours in as many clusters "
                        + "as styles, style 1 on the darkest) or luminance[:T] (style 1 where the photo is at least T "
                        + "bright, 0..1, default 0.5; style 2 on the rest). The regions are written beside the output "
                        + "(OUTPUT.region-1.png, ...) to edit and give back with --style-masks."));
        d.add(list("--style-blend-weights", "W", Double.class, (r, v) -> r.styleBlendWeights = v)
                .group(OptionGroup.STYLE).notForStudio()
                .help("Per style: relative weight in the blend, normalised to sum 1 (default equal)."));
        d.add(value("--style-loss", "gram|wasserstein|neighbours", String.class, (r, v) -> r.styleLoss = v)
                .group(OptionGroup.STYLE)
                .help("Style statistics: gram (the paper's Gram matrices, default) or wasserstein (means and "
                        + "covariances, the squared 2-Wasserstein distance between Gaussian fits; its scale differs: "
                        + "set --style-weight to taste); or neighbours (neural-neighbour style, Kolkin et al. 2022: "
                        + "each part of the photo painted with the painting's nearest features; weights of its own, "
                        + "shown with each weight's default)."));
        d.add(value("--content-loss", "mse|self-similarity", String.class, (r, v) -> r.contentLoss = v)
                .group(OptionGroup.STYLE)
                .help("How the photo is held: mse (the paper's, its features; default) or self-similarity (STROTSS: "
                        + "the picture's colours at about 32 px keep the photo's pattern of alike and different parts, "
                        + "whatever the colours become; its default weight, 1/255, suits --style-loss neighbours: with "
                        + "gram give --content-weight)."));
        d.add(value("--style-layers", "LAYER[:W],...", String.class, (r, v) -> r.styleLayers = v)
                .group(OptionGroup.STYLE)
                .help("Style layers by name, each with a relative weight (default: "
                        + DefaultsText.of(DefaultsText::styleLayers) + ")."));
        d.add(value("--content-layers", "LAYER[:W],...", String.class, (r, v) -> r.contentLayers = v)
                .group(OptionGroup.STYLE)
                .help("Content layers by name, each with a relative weight (default: "
                        + DefaultsText.of(DefaultsText::contentLayers) + ")."));
        d.add(value("--style-layer-weight-exp", "E", Double.class, (r, v) -> r.styleLayerWeightExp = v)
                .group(OptionGroup.STYLE)
                .help("Style layer k weighs E^k (normalised); >1 favours coarse features (default: "
                        + DefaultsText.of((n, o) -> o.styleLayerWeightExp()) + ")."));
        d.add(value("--content-weight-blend", "B", Double.class, (r, v) -> r.contentWeightBlend = v)
                .group(OptionGroup.STYLE)
                .help("Share of relu4_2 in the content loss, the rest on relu5_2 (default: "
                        + DefaultsText.of((n, o) -> o.contentWeightBlend()) + ")."));
        d.add(value("--pooling", "max|avg", String.class, (r, v) -> r.pooling = v).group(OptionGroup.STYLE)
                .help("Pooling layers (default: " + DefaultsText.of((n, o) -> name(o.pooling())) + ")."));
        // Size and memory
        d.add(value("--width", "PX", Integer.class, (r, v) -> r.width = v).group(OptionGroup.SIZE)
                .help("Width of the output, the content resized to it; above the photo's own it enlarges (default: the "
                        + "photo's size, its long side at most " + WorkingSize.DEFAULT_LONG_SIDE + " px)."));
        d.add(list("--scales", "PX", Integer.class, (r, v) -> r.scales = v).image().group(OptionGroup.SIZE)
                .help("Coarse-to-fine: optimise at each width in turn (e.g. 256,512), each scale starting from the "
                        + "previous result upsampled; the last is the output width. Default above 512 px: halving "
                        + "widths down to 256, the first with --iterations, the others with half."));
        d.add(list("--scale-iterations", "N", Integer.class, (r, v) -> r.scaleIterations = v).image()
                .group(OptionGroup.SIZE).help("Iterations at each of --scales (default: --iterations at each)."));
        d.add(value("--coarsest-width", "PX", Integer.class, (r, v) -> r.coarsestWidth = v).image()
                .group(OptionGroup.SIZE)
                .help("Coarse to fine from this width at any output size: the output's width halved while it stays at "
                        + "least PX wide, the first scale with --iterations, the others with half (default: "
                        + CoarseToFine.SMALLEST_SCALE + ", above " + CoarseToFine.AUTOMATIC_ABOVE + " px only). With "
                        + "--style-loss neighbours, 128 paints broad strokes in the painting's palette, as its paper "
                        + "does, in about the time of one scale."));
        d.add(value("--tile-size", "PX", Integer.class, (r, v) -> r.tileSize = v).image().group(OptionGroup.SIZE)
                .help("Optimise images larger than PX on a side tile by tile, PX-pixel tiles with the context that "
                        + "keeps them exact (96 px for VGG-19's layers; VGG networks only); 0: always whole (default: "
                        + "tiled only when whole would not fit in memory, with the largest tile that fits)."));
        d.add(value("--max-memory", "SIZE", String.class, (r, v) -> r.maxMemory = v).group(OptionGroup.SIZE)
                .help("Memory the run may use, e.g. 8G or 512M; larger images are refused before any work, naming "
                        + "the size that fits (default: 90% of this machine's)."));
        // Colour
        d.add(value("--colors", "style|content-histogram|content-luminance|palette", String.class,
                (r, v) -> r.colors = v).group(OptionGroup.COLOUR)
                .help("Whose colours: the style's (default); the content's by recolouring the styles to its mean "
                        + "colour and covariance first; the content's by styling luminance alone (Gatys et al. 2017); "
                        + "or palette: the content's colours moved onto the style's palette under the picture's "
                        + "strokes, as neural neighbour style finishes (Kolkin et al. 2022)."));
        d.add(flag("--preserve-colors", (r, v) -> r.preserveColors = v).group(OptionGroup.COLOUR)
                .help("Keep the content image's colours (style luminance only)."));
        // Optimisation
        d.add(value("--iterations", "N", Integer.class, (r, v) -> r.iterations = v).group(OptionGroup.OPTIMISATION)
                .help("Optimisation steps (default: " + DefaultsText.of((n, o) -> o.iterations()) + ")."));
        d.add(value("--seed", "N", Long.class, (r, v) -> r.seed = v).group(OptionGroup.OPTIMISATION).notForStudio()
                .help("Random seed; the same seed gives the same image (default: random, printed)."));
        d.add(value("--optimizer", "adam|lbfgs", String.class, (r, v) -> r.optimizer = v)
                .group(OptionGroup.OPTIMISATION)
                .help("adam (the paper's, default) or lbfgs (Gatys et al.'s: fewer iterations for the same loss; "
                        + "each line-search evaluation counts as an iteration)."));
        d.add(value("--initial", "FILE|content|noise", String.class, (r, v) -> r.initial = v)
                .group(OptionGroup.OPTIMISATION).notForStudio()
                .help("Start from this image (e.g. a checkpoint), the content image, or noise (default: "
                        + DefaultsText.of((n, o) -> name(o.initialization().kind())) + ")."));
        d.add(value("--initial-noiseblend", "R", Double.class, (r, v) -> r.initialNoiseblend = v)
                .group(OptionGroup.OPTIMISATION)
                .help("Blend of noise into the initial image, 0..1 (default: 0 with --initial, else 1 = pure noise; "
                        + "below 1 without --initial starts from the content image)."));
        d.add(value("--learning-rate", "R", Double.class, (r, v) -> r.learningRate = v)
                .group(OptionGroup.OPTIMISATION)
                .help("Adam learning rate (default: "
                        + DefaultsText.withNeighbours((n, o) -> o.adam().schedule().rateAt(0)) + ")."));
        d.add(value("--learning-rate-decay", "F", Double.class, (r, v) -> r.learningRateDecay = v)
                .group(OptionGroup.OPTIMISATION)
                .help("Multiply the learning rate by F every --learning-rate-decay-steps (default: the network's "
                        + "schedule, " + DefaultsText.withNeighbours((n, o) -> learningRateSchedule(o.adam().schedule()))
                        + "; the paper used 0.94 per 100 from 20)."));
        d.add(value("--learning-rate-decay-steps", "N", Integer.class, (r, v) -> r.learningRateDecaySteps = v)
                .group(OptionGroup.OPTIMISATION)
                .help("Decay interval (default: " + RequestBuilder.DEFAULT_DECAY_STEPS + ")."));
        d.add(value("--average-decay", "D", Double.class, (r, v) -> r.averageDecay = v).group(OptionGroup.OPTIMISATION)
                .help("Output the average of the optimiser's iterates, each older one weighted D times less (about "
                        + "the last 1/(1-D) iterations), rather than the lowest-loss iterate; 0 turns it off (default: "
                        + DefaultsText.of((n, o) -> o.averageDecay()) + ")."));
        d.add(flag("--carry-adam-state", (r, v) -> r.carryAdamState = v).group(OptionGroup.OPTIMISATION)
                .help("Coarse to fine: start each scale's Adam from the previous scale's moments, resized, rather than "
                        + "afresh (off by default: measured slightly worse)."));
        d.add(value("--lbfgs-history", "N", Integer.class, (r, v) -> r.lbfgsHistory = v).group(OptionGroup.OPTIMISATION)
                .help("L-BFGS memory in steps (default: " + DefaultsText.of((n, o) -> o.lbfgsHistorySize())
                        + "; each costs 8 bytes per pixel value, 6 MB at 512x512)."));
        d.add(value("--beta1", "BETA1", Double.class, (r, v) -> r.beta1 = v).group(OptionGroup.OPTIMISATION)
                .help("Adam beta1 (default: " + DefaultsText.of((n, o) -> o.adam().beta1()) + ")."));
        d.add(value("--beta2", "BETA2", Double.class, (r, v) -> r.beta2 = v).group(OptionGroup.OPTIMISATION)
                .help("Adam beta2 (default: " + DefaultsText.of((n, o) -> o.adam().beta2()) + ")."));
        d.add(value("--epsilon", "EPSILON", Double.class, (r, v) -> r.epsilon = v).group(OptionGroup.OPTIMISATION)
                .help("Adam epsilon (default: " + DefaultsText.of((n, o) -> o.adam().epsilon()) + ")."));
        // Network and weights
        d.add(value("--network", "NAME", String.class, (r, v) -> r.network = v).group(OptionGroup.NETWORK)
                .notForStudio()
                .help("vgg19 (default where its weights are here or can be downloaded, else the built-in squeezenet), "
                        + "vgg16 or squeezenet (built in, fast previews). A weights file path is accepted too, as in "
                        + "the reference."));
        d.add(value("--weights", "FILE", Path.class, (r, v) -> r.weights = v).group(OptionGroup.NETWORK).notForStudio()
                .help("Weights file: MatConvNet .mat, Keras .h5, ONNX or Caffe. Default: ./"
                        + StyleChoices.DEFAULT_WEIGHTS + ", else VGG-19 from the cache, downloaded on first use."));
        d.add(value("--input-normalization", "caffe-bgr|imagenet-std", String.class,
                (r, v) -> r.inputNormalization = v).group(OptionGroup.NETWORK)
                .help("The input preprocessing the weights were trained with, for files that cannot tell it (ONNX "
                        + "from Caffe2 or unknown exporters): caffe-bgr (BGR, 0..255 minus the mean pixel) or "
                        + "imagenet-std (RGB, 0..1, ImageNet mean and std). Default: what the file tells."));
        d.add(value("--precision", "fp32|bf16|auto", String.class, (r, v) -> r.precision = v)
                .group(OptionGroup.NETWORK).help(PRECISION_HELP));
        d.add(value("--threads", "N", Integer.class, (r, v) -> r.threads = v).group(OptionGroup.NETWORK)
                .notInSignature().help(THREADS_HELP));
        // Video
        d.add(value("--video-init", "MODE", String.class, (r, v) -> r.videoInit = v).video().group(OptionGroup.VIDEO)
                .help("Where frames after the first start: independent (afresh, flickers), previous (the previous "
                        + "stylized frame, the paper's method) or flow (it warped by optical flow, plus a temporal "
                        + "loss; default)."));
        d.add(value("--later-iterations", "N", Integer.class, (r, v) -> r.laterIterations = v).video().group(OptionGroup.VIDEO)
                .help("Iterations of each frame after the first (default: half of --iterations); independent frames "
                        + "all take --iterations."));
        d.add(value("--temporal-weight", "W", Double.class, (r, v) -> r.temporalWeight = v).video().group(OptionGroup.VIDEO)
                .help("Weight of the temporal loss with --video-init flow (default: Ruder et al.'s "
                        + DefaultsText.of((n, o) -> n.recommendedWeights().temporal()) + ")."));
        d.add(list("--temporal-frames", "J", Integer.class, (r, v) -> r.temporalFrames = v).video().group(OptionGroup.VIDEO)
                .help("With flow: the earlier frames (1 = the previous) each frame is held to, each pixel to the "
                        + "nearest in which it was visible; 1,2,4 is Ruder et al.'s long-term consistency (default: 1)."));
        d.add(value("--flow-tolerance", "LEVELS|off", String.class, (r, v) -> r.flowTolerance = v).video().group(OptionGroup.VIDEO)
                .help("With flow, hold a pixel to the warped previous frame only where the previous content frame, "
                        + "warped the same way, is within LEVELS (0-255) of this one: a wrong flow would pull in a "
                        + "ghost of what was there; there the frame starts from its content (default: "
                        + text(VideoSettings.DEFAULT_FLOW_TOLERANCE) + "; off: Ruder "
                        + "et al.'s occlusion mask alone)."));
        d.add(toggle("--early-stop", (r, v) -> r.earlyStop = v).video().group(OptionGroup.VIDEO)
                .help("Stop a frame once its loss reaches the previous frame's final loss (default: on)."));
        d.add(value("--frames", "N", Integer.class, (r, v) -> r.maxFrames = v).video().group(OptionGroup.VIDEO).notInSignature()
                .help("Stylize only the first N frames."));
        d.add(value("--frame-rate", "FPS", Double.class, (r, v) -> r.frameRate = v).video().group(OptionGroup.VIDEO)
                .help("Frame rate of a folder of frames (default: " + text(RequestBuilder.DEFAULT_FRAME_RATE) + ")."));
        d.add(value("--frames-folder", "FOLDER", Path.class, (r, v) -> r.framesFolder = v).video().group(OptionGroup.VIDEO).notForStudio()
                .notInSignature()
                .help("Where finished frames are kept while a video output is made (default: OUTPUT.frames)."));
        d.add(flag("--keep-frames", (r, v) -> r.keepFrames = v).video().group(OptionGroup.VIDEO).notForStudio().notInSignature()
                .help("Keep the frames folder after the video is written."));
        d.add(flag("--allow-damaged", (r, v) -> r.allowDamaged = v).video().group(OptionGroup.VIDEO).notInSignature()
                .help("Paint the frames that can be read of a video file that is cut short or damaged, with a warning "
                        + "(default: refuse it, naming what was read against what it announces)."));
        return d.stream().map(Declared::option).toList();
    }

    // The declaration's words: value/list/words/flag/toggle, then what differs from the usual (both kinds of job,
    // the input-and-output group unless said, settable by the studio, recorded, in a video's signature).

    private static <T> Declared value(String name, String label, Class<T> type, BiConsumer<RequestBuilder, T> to) {
        return new Declared(name, label, Shape.VALUE, type, (r, v) -> to.accept(r, type.cast(v)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Declared list(String name, String label, Class<T> type, BiConsumer<RequestBuilder, List<T>> to) {
        return new Declared(name, label, Shape.LIST, type, (r, v) -> to.accept(r, List.copyOf((List<T>) v)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Declared words(String name, String label, Class<T> type, BiConsumer<RequestBuilder, List<T>> to) {
        return new Declared(name, label, Shape.WORDS, type, (r, v) -> to.accept(r, List.copyOf((List<T>) v)));
    }

    private static Declared flag(String name, BiConsumer<RequestBuilder, Boolean> to) {
        return new Declared(name, "", Shape.FLAG, Boolean.class, (r, v) -> to.accept(r, (Boolean) v));
    }

    private static Declared toggle(String name, BiConsumer<RequestBuilder, Boolean> to) {
        return new Declared(name, "", Shape.SWITCH, Boolean.class, (r, v) -> to.accept(r, (Boolean) v));
    }

    private static final class Declared {
        private final String name;
        private final String label;
        private final Shape shape;
        private final Class<?> type;
        private final BiConsumer<RequestBuilder, Object> assigner;
        private final List<String> aliases = new ArrayList<>();
        private String help = "";
        private OptionGroup group = OptionGroup.INPUT_OUTPUT;
        private Set<JobKind> kinds = EnumSet.allOf(JobKind.class);
        private boolean forStudio = true;
        private boolean recorded = true;
        private boolean changesFrames = true;

        Declared(String name, String label, Shape shape, Class<?> type, BiConsumer<RequestBuilder, Object> assigner) {
            this.name = name;
            this.label = label;
            this.shape = shape;
            this.type = type;
            this.assigner = assigner;
        }

        Declared help(String text) {
            help = text;
            return this;
        }

        Declared group(OptionGroup g) {
            group = g;
            return this;
        }

        Declared image() {
            kinds = EnumSet.of(JobKind.IMAGE);
            return this;
        }

        Declared video() {
            kinds = EnumSet.of(JobKind.VIDEO);
            return this;
        }

        Declared alias(String alias) {
            aliases.add(alias);
            return this;
        }

        Declared notForStudio() {
            forStudio = false;
            return this;
        }

        Declared notRecorded() {
            recorded = false;
            return this;
        }

        Declared notInSignature() {
            changesFrames = false;
            return this;
        }

        JobOption option() {
            return new JobOption(name, aliases, label, help, group, shape, type, kinds, forStudio, recorded,
                    changesFrames, assigner);
        }
    }
}
