package org.neuralstyle.job;

import org.neuralstyle.algorithm.CoarseToFine;
import org.neuralstyle.algorithm.ContentLoss;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleLoss;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.benchmark.MatrixProductPeak;
import org.neuralstyle.benchmark.TimeEstimate;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Precision;
import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageEncoding;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.io.AtomicFiles;
import org.neuralstyle.models.Checksum;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One picture painted, as a service every front end calls: {@link #check} makes every check a run makes before its
 * work starts (options, inputs, outputs, memory and disk) without loading the network, and returns the plan;
 * {@link #run} checks, loads the network, paints (coarse to fine and in tiles where the plan says so), and writes the
 * picture with its settings and the loss plot. It owns the memory budget, the tile choice, L-BFGS's sizing, output
 * probing and rescue; what it has to say goes to the {@link JobListener}, never to a console.
 */
public final class ImageJob {

    private final ImageRequest request;
    /** Weights shared with the other jobs of this process (batch, studio); null: read for this job. */
    private final WeightsCache weightsCache;

    public ImageJob(ImageRequest request, WeightsCache weightsCache) {
        this.request = request;
        this.weightsCache = weightsCache;
    }

    /** How a run ended: the optimisation's result and the file it was written to. */
    public record Outcome(StyleTransferResult result, Path output) {

        /** "wrote out.png: best loss ... at iteration ... of ..., 12.3s". */
        public String summary() {
            return String.format(Locale.ROOT, "wrote %s: best loss %.4e at iteration %d of %d, %.1fs",
                    output, result.loss().total(), result.bestIteration(), result.iterationsRun(),
                    result.elapsed().toMillis() / 1000.0);
        }
    }

    /** Everything a run checks before its work starts, without downloading or loading the network. */
    public JobPlan check(JobListener listener) throws IOException {
        return check(listener, false).plan();
    }

    /** Checks, loads the network, paints and writes; the listener hears every step. */
    public Outcome run(JobListener listener) throws IOException {
        Checked checked = check(listener, true);
        StyleChoices style = checked.style();
        NetworkArchitecture architecture = checked.architecture();
        Path weightsFile = style.weightsFile(architecture, listener);
        NetworkWeights weights = style.loadWeights(architecture, weightsFile, weightsCache);
        EngineSettings engine = style.engine().settings();
        listener.onStatus(estimate(checked, weights, engine));
        if (request.verbose()) {
            listener.onStatus(describe(checked, weights));
            listener.onStatus("weights file " + weightsFile + ", SHA-256 " + Checksum.of(weightsFile, "SHA-256"));
        }
        if (checked.photoRegions() != null) {
            checked.photoRegions().write(listener);
        }
        BestSoFar bestSoFar = request.keepBest() ? new BestSoFar(request.output(), listener) : null;
        // One scale is the plain method; several are coarse-to-fine.
        StyleTransferResult result = new CoarseToFine(new StyleTransfer(weights, engine))
                .stylize(checked.content(), checked.styles(), checked.options(), checked.scales(),
                        bestSoFar == null ? JobListener.all(listener, checked.checkpoints())
                                : JobListener.all(listener, checked.checkpoints(), bestSoFar));
        writeOutputs(checked, result, settings(style, checked.options()));
        if (bestSoFar != null) {
            bestSoFar.discard();
        }
        return new Outcome(result, request.output());
    }

    /** What a run checks before its work starts: options, inputs, outputs, memory and disk; no network loaded. */
    private Checked check(JobListener listener, boolean mayDownload) throws IOException {
        // The outputs first: a picture that cannot be written is said before any download is tried.
        Path output = request.output();
        OutputFiles.requireWritableImage(output, request.overwrite(), "--output");
        Path progressPlot = request.progressPlot();
        if (progressPlot != null) {
            if (!progressPlot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new UserError("--progress-plot " + progressPlot + ": must be a .png file");
            }
            OutputFiles.requireWritableImage(progressPlot, request.overwrite(), "--progress-plot");
        }
        encoding();
        InputImages images = new InputImages(listener);
        Path content = request.content();
        int[] photoSize = photoSize(content);
        DecodedImage decodedContent = images.decode(content, "--content", longSideUsed(request.style(), photoSize));
        RgbImage contentImage = decodedContent.image();
        DecodedImage contentAlpha = null;
        if (decodedContent.hasAlpha()) {
            if (!ImageFiles.holdsAlpha(output)) {
                listener.onNote("note: --content " + content + " has transparent parts; --output " + output
                        + " cannot keep them (.png and .tif can)");
            } else {
                contentAlpha = decodedContent;
            }
        }
        // The inputs are read; now the network (which may mean a download) and the options that follow from it.
        StyleChoices style = request.style().withNetworkChosen(listener, mayDownload);
        NetworkArchitecture architecture = style.architecture();
        StyleTransferOptions options = style.options(architecture);
        style.strengthNotice(options).ifPresent(notice -> listener.onNote("note: " + notice));
        List<CoarseToFine.Scale> plan = scalePlan(style, outputWidth(style, contentImage, photoSize, listener),
                options.iterations());
        Integer checkpointIterations = request.checkpointIterations();
        Checkpoints checkpoints = Checkpoints.of(request.checkpointOutput(),
                checkpointIterations == null ? 0 : checkpointIterations, CoarseToFine.totalIterations(plan),
                request.overwrite(), listener);
        if (checkpointIterations != null && request.checkpointOutput() == null) {
            throw new UserError("--checkpoint-iterations needs --checkpoint-output");
        }
        // Each scale is resized from the original photo; the output has the last scale's width.
        int smallestWidth = plan.get(0).width();
        if (smallestWidth < 2 || Resampling.heightAtWidth(contentImage, smallestWidth) < 2) {
            throw new UserError("--content " + content + ": the image must be at least 2x2 pixels at the chosen width");
        }
        int outputWidth = plan.get(plan.size() - 1).width();
        int outputHeight = Resampling.heightAtWidth(contentImage, outputWidth);
        if (photoSize != null && contentImage.width() != photoSize[0] && contentImage.width() > outputWidth) {
            // Decoded averaged down by whole blocks, whose last one may be partial: its aspect is the photo's only
            // to a pixel. The output's height follows the photo itself, and the run gets the photo at that size.
            outputHeight = Math.max(1, (int) Math.round((double) photoSize[1] * outputWidth / photoSize[0]));
            contentImage = Resampling.resize(contentImage, outputWidth, outputHeight);
        }
        MemoryBudget budget = style.memoryBudget(architecture, options);
        String sizeOption = style.width() != null ? "--width " + style.width()
                : request.scales() != null ? "--scales" : "--content " + content;
        Integer tileSize = request.tileSize();
        // Tiles need every term to be a sum over the picture's parts; the self-similarity of the content is not,
        // so it cannot fall back on tiles: the output must fit whole.
        String wholeOnly = options.contentLoss() == ContentLoss.SELF_SIMILARITY
                ? "--content-loss self-similarity paints the output whole (it compares every part of the picture "
                        + "with every other); leave --tile-size out or use --content-loss mse"
                : null;
        if (wholeOnly != null && tileSize != null && tileSize > 0) {
            throw new UserError("--tile-size: " + wholeOnly);
        }
        budget.requireImageFits("the output", sizeOption, outputWidth, outputHeight,
                wholeOnly == null && (tileSize == null || tileSize > 0));
        options = options.toBuilder().tileSize(tileSize(style, budget, outputWidth, outputHeight, listener)).build();
        if (options.optimizer() == StyleTransferOptions.OptimizerKind.LBFGS) {
            options = options.toBuilder().lbfgsHistorySize(lbfgsHistory(style, budget, options.lbfgsHistorySize(),
                    outputWidth, outputHeight, listener)).build();
        }
        if (!style.maskFolders().isEmpty()) {
            throw new UserError("--style-masks " + style.maskFolders().get(0) + ": is a folder; mask frames are for a video "
                    + "(an image takes one mask image per style)");
        }
        List<StyleImage> styleImages = style.styleImages(images, outputWidth);
        PhotoRegions photoRegions = null;
        if (style.regionsFrom() != null) { // found on the photo at the output's size
            photoRegions = PhotoRegions.find(style.regionsFrom(), style.seed(), Resampling.resize(contentImage,
                    outputWidth, outputHeight), styleImages, request.output(), request.overwrite());
            styleImages = photoRegions.styles();
        }
        if (options.tileSize() > 0 && styleImages.stream().anyMatch(s -> s.part() != null)) {
            throw new UserError("--style-image-masks: the output is painted in tiles here, which learn each style "
                    + "from all of its painting; leave them out, or paint at a smaller --width");
        }
        style.requireStylesFit(styleImages, outputWidth, budget, options.tileSize() > 0);
        style.engine().notice().ifPresent(notice -> listener.onNote("note: " + notice));
        Initialization start = style.initialization(images);
        if (start != null) {
            options = options.toBuilder().initialization(start).build();
        }
        requireSpace(checkpoints, plan, outputWidth, outputHeight);
        long plannedBytes = options.tileSize() > 0 ? budget.tiledBytes(outputWidth, outputHeight, options.tileSize())
                : budget.imageBytes(outputWidth, outputHeight);
        JobPlan jobPlan = new JobPlan(outputWidth, outputHeight, architecture.name(), CoarseToFine.totalIterations(plan),
                plannedBytes);
        return new Checked(style, architecture, contentImage, contentAlpha, plan, styleImages, options, checkpoints,
                jobPlan, photoRegions);
    }

    /** A checked job: its choices with the network chosen, its inputs read, its plan. */
    private record Checked(StyleChoices style, NetworkArchitecture architecture, RgbImage content,
                           DecodedImage contentAlpha, List<CoarseToFine.Scale> scales, List<StyleImage> styles,
                           StyleTransferOptions options, Checkpoints checkpoints, JobPlan plan,
                           PhotoRegions photoRegions) {
    }

    /** The photo's width and height from its header (EXIF turn applied); null where the header cannot say. */
    private static int[] photoSize(Path content) {
        try {
            return Files.isRegularFile(content) ? ImageFiles.dimensions(content) : null;
        } catch (IOException e) {
            return null; // decoding it says what is wrong, in the words it always has
        }
    }

    /**
     * The longest side the photo is used at: that of --width, of the last --scales or of the default working size;
     * 0 (full size) where the photo's size is unknown.
     */
    private int longSideUsed(StyleChoices style, int[] photoSize) {
        if (photoSize == null) {
            return 0;
        }
        List<Integer> scales = request.scales();
        int width = style.width() != null ? style.width() : scales != null && !scales.isEmpty()
                ? scales.get(scales.size() - 1) : WorkingSize.defaultWidth(photoSize[0], photoSize[1]);
        return (int) Math.max(width, Math.ceil((double) width * photoSize[1] / photoSize[0]));
    }

    /**
     * --width, else the photo's width up to a long side of 512 px, said in one line when that is smaller. The photo's
     * size is its own ({@code photoSize}, from its header), not that of the copy decoded for the working size.
     */
    private int outputWidth(StyleChoices style, RgbImage contentImage, int[] photoSize, JobListener listener) {
        if (style.width() != null) {
            return style.width();
        }
        int photoWidth = photoSize != null ? photoSize[0] : contentImage.width();
        int photoHeight = photoSize != null ? photoSize[1] : contentImage.height();
        int width = WorkingSize.defaultWidth(photoWidth, photoHeight);
        if (width < photoWidth && request.scales() == null) {
            listener.onNote(String.format(Locale.ROOT, "note: painting at %d x %d (the photo is %d x %d); --width %d "
                            + "paints it at full size, which takes longer", width,
                    Math.max(1, Math.round((double) photoHeight * width / photoWidth)), photoWidth, photoHeight,
                    photoWidth));
        }
        return width;
    }

    /** The tile size the run uses: the user's, else 0 where the output fits whole, else the largest that fits. */
    private int tileSize(StyleChoices style, MemoryBudget budget, int width, int height, JobListener listener) {
        Integer tileSize = request.tileSize();
        if (tileSize != null) {
            StyleChoices.requireAtLeast(tileSize, 0, "--tile-size");
            if (tileSize > 0 && !budget.canTile()) {
                throw new UserError("--tile-size: " + style.architecture().name() + " cannot be tiled (its unpadded "
                        + "strided layers do not line up tile by tile); VGG networks can");
            }
            return tileSize;
        }
        if (budget.imageFits(width, height)) {
            return 0;
        }
        int core = budget.tileThatFits(width, height);
        listener.onNote("note: the output (" + width + "x" + height + ") does not fit in memory whole; "
                + "it is optimised in " + core + "-pixel tiles");
        return core;
    }

    /**
     * L-BFGS's history: the user's if it fits in the heap (else a one-line refusal), the default shortened to what
     * fits, with a note.
     */
    private static int lbfgsHistory(StyleChoices style, MemoryBudget budget, int history, int width, int height,
                                    JobListener listener) {
        if (style.lbfgsHistory() != null) {
            budget.requireLbfgsHistoryFits(history, width, height);
            return history;
        }
        long fits = budget.lbfgsHistoryThatFits(width, height);
        if (fits >= history) {
            return history;
        }
        if (fits < 1) {
            throw new UserError("--optimizer lbfgs: at " + width + "x" + height + " not one L-BFGS step fits in the "
                    + "Java heap; use --optimizer adam at this size");
        }
        listener.onNote("note: L-BFGS keeps " + fits + " steps (not " + history + ") at " + width + "x"
                + height + ", as many as the Java heap holds");
        return (int) fits;
    }

    /** How the output is written, or a one-line error naming the option that cannot apply to it. */
    private ImageEncoding encoding() throws IOException {
        int bitDepth = request.bitDepth();
        int jpegQuality = request.jpegQuality();
        if (bitDepth != 8 && bitDepth != 16) {
            throw new UserError("--bit-depth: must be 8 or 16, got " + bitDepth);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new UserError("--jpeg-quality: must be 1 to 100, got " + jpegQuality);
        }
        if (bitDepth == 16 && !ImageFiles.holds16Bits(request.output())) {
            throw new UserError("--bit-depth 16: --output " + request.output()
                    + " holds 8 bits per channel; use .png or .tif");
        }
        return new ImageEncoding(bitDepth, jpegQuality / 100f);
    }

    /** Room for the output, every checkpoint and the plot, on each file system they go to. */
    private void requireSpace(Checkpoints checkpoints, List<CoarseToFine.Scale> plan, int width, int height) {
        List<OutputFiles.Planned> planned = new ArrayList<>();
        planned.add(new OutputFiles.Planned(request.output(), "--output", OutputFiles.imageBytes(width, height)));
        for (Path file : checkpoints.files(CoarseToFine.totalIterations(plan))) {
            planned.add(new OutputFiles.Planned(file, "--checkpoint-output", OutputFiles.imageBytes(width, height)));
        }
        if (request.progressPlot() != null) {
            planned.add(new OutputFiles.Planned(request.progressPlot(), "--progress-plot",
                    OutputFiles.imageBytes(1200, 800)));
        }
        OutputFiles.requireSpace(planned);
    }

    /** The widths to optimise at and the iterations at each: one scale unless --scales asks for more. */
    private List<CoarseToFine.Scale> scalePlan(StyleChoices style, int outputWidth, int iterations) {
        List<Integer> scales = request.scales();
        List<Integer> scaleIterations = request.scaleIterations();
        Integer coarsest = request.coarsestWidth();
        if (scales == null) {
            if (scaleIterations != null) {
                throw new UserError("--scale-iterations needs --scales");
            }
            if (coarsest != null) {
                StyleChoices.requireAtLeast(coarsest, 2, "--coarsest-width");
                return CoarseToFine.planFrom(outputWidth, iterations, coarsest);
            }
            return CoarseToFine.automaticPlan(outputWidth, iterations);
        }
        if (coarsest != null) {
            throw new UserError("--coarsest-width and --scales both set the scales: give one of them");
        }
        if (scaleIterations != null && scaleIterations.size() != scales.size()) {
            throw new UserError("--scale-iterations has " + scaleIterations.size() + " values for "
                    + scales.size() + " --scales");
        }
        List<CoarseToFine.Scale> plan = new ArrayList<>();
        for (int k = 0; k < scales.size(); k++) {
            int px = scales.get(k);
            int n = scaleIterations == null ? iterations : scaleIterations.get(k);
            StyleChoices.requireAtLeast(px, 2, "--scales");
            StyleChoices.requireAtLeast(n, 1, "--scale-iterations");
            if (k > 0 && px <= scales.get(k - 1)) {
                throw new UserError("--scales must increase, got " + scales.get(k - 1) + " then " + px);
            }
            plan.add(new CoarseToFine.Scale(px, n));
        }
        int last = scales.get(scales.size() - 1);
        if (style.width() != null && style.width() != last) {
            throw new UserError("--scales ends at " + last + " but --width is " + style.width()
                    + "; the last scale is the output width");
        }
        return plan;
    }

    /** What the picture records of how it was made: the version, the command that reproduces it, its inputs. */
    private String settings(StyleChoices style, StyleTransferOptions options) throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(request.content());
        inputs.addAll(style.styles());
        style.initialFile().ifPresent(inputs::add);
        if (style.styleMasks() != null) {
            style.styleMasks().stream().filter(m -> !StyleChoices.isEverywhere(m)).forEach(inputs::add);
        }
        return RecordedSettings.of(request.version(), request.recordedArguments(), options.seed(), style.networkName(),
                inputs).text();
    }

    /** The image first, carrying its settings (rescued if it cannot be written where asked), then the plot. */
    private void writeOutputs(Checked checked, StyleTransferResult result, String settings) throws IOException {
        RgbImage image = result.image();
        DecodedImage contentAlpha = checked.contentAlpha();
        float[] alpha = contentAlpha == null ? null : Resampling.resizePlane(contentAlpha.alpha(),
                contentAlpha.image().width(), contentAlpha.image().height(), image.width(), image.height());
        ResultRescue.inCache().write(image, alpha, encoding().withSettings(settings), request.output(), "--output");
        Path progressPlot = request.progressPlot();
        if (progressPlot != null) {
            try {
                ImageFiles.write(LossPlot.draw(result.history()), progressPlot);
            } catch (IOException e) {
                throw new UserError("--progress-plot " + progressPlot + ": cannot write (" + AtomicFiles.reason(e)
                        + "); the image was written to " + request.output());
            }
        }
    }

    /** "512 x 341, vgg19, 1000 iterations: about 4 min here", from the cost model and this machine's peak. */
    private static String estimate(Checked checked, NetworkWeights weights, EngineSettings engine) {
        NetworkArchitecture arch = weights.architecture();
        StyleTransferOptions options = checked.options();
        List<TimeEstimate.Stage> stages = checked.scales().stream().map(s -> new TimeEstimate.Stage(s.width(),
                Resampling.heightAtWidth(checked.content(), s.width()), s.iterations())).toList();
        double peak = MatrixProductPeak.measure(engine.withPrecision(Precision.FP32), TimeEstimate.PEAK_SIZE, 1, 3)
                .gflops();
        LossSpec spec = LossSpec.of(options, arch, new double[] {1});
        Duration time = options.styleLoss() == StyleLoss.Kind.NEIGHBOURS
                ? TimeEstimate.ofNeighbours(arch, spec.layers(), stages,
                        spec.styleLayers().keySet().stream().mapToInt(arch::outputChannels).sum(),
                        options.tileSize() > 0, peak,
                        engine.precision(), CpuFeatures.ofThisMachine())
                : TimeEstimate.of(arch, spec.layers(), stages, options.tileSize() > 0, peak, engine.precision(),
                        CpuFeatures.ofThisMachine());
        TimeEstimate.Stage last = stages.get(stages.size() - 1);
        return String.format(Locale.ROOT, "%d x %d, %s, %d iterations: about %s here", last.width(), last.height(),
                arch.name(), checked.plan().iterations(), TimeEstimate.words(time));
    }

    private static String describe(Checked checked, NetworkWeights weights) {
        NetworkArchitecture arch = weights.architecture();
        StyleTransferOptions options = checked.options();
        RgbImage content = checked.content();
        return String.format(Locale.ROOT, "network %s (%d convolutions), weights %s%n"
                        + "content layers %s, style layers %s%n"
                        + "content %dx%d, scales (width:iterations) %s, %d style(s), seed %d, weights content %s style %s tv %s",
                arch.name(), arch.convolutions().size(), weights.source(),
                arch.defaultContentLayers(), arch.defaultStyleLayers(),
                content.width(), content.height(), checked.scales().stream().map(s -> s.width() + ":" + s.iterations())
                        .collect(Collectors.joining(",")), checked.styles().size(), options.seed(),
                options.contentWeight(), options.styleWeight(), options.tvWeight());
    }
}
