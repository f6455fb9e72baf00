package org.neuralstyle.cli;

import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.video.FrameReport;
import org.neuralstyle.video.FrameStore;
import org.neuralstyle.video.TemporalConsistency;
import org.neuralstyle.video.VideoAssembly;
import org.neuralstyle.video.VideoInit;
import org.neuralstyle.video.VideoListener;
import org.neuralstyle.video.VideoResult;
import org.neuralstyle.video.VideoSettings;
import org.neuralstyle.video.VideoStyleTransfer;
import org.neuralstyle.video.flow.DisOpticalFlow;
import org.neuralstyle.video.flow.OpticalFlow;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.VideoEncoder;
import org.neuralstyle.video.io.VideoFormatException;
import org.neuralstyle.video.io.VideoInfo;
import org.neuralstyle.weights.WeightFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code neural-style video}: stylize a video file or a folder of frames, frame by frame. */
@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "neural-style video --content VIDEO|FOLDER --styles FILE... --output VIDEO|FOLDER [OPTION...]",
        description = {"Stylizes a video (any file FFmpeg reads, or a folder of frame images) frame by frame.",
                "Finished frames are kept as they are done; rerunning the same command continues where it stopped.",
                "The video is assembled at the end, with the source's frame times and audio."})
final class VideoCommand implements Callable<Integer> {

    /**
     * Options that do not change the frames, so a rerun with or without them continues the same run; --frames
     * among them, so that a preview of the first frames can later be extended to the whole video.
     */
    private static final Set<String> NOT_IN_SIGNATURE = Set.of("--overwrite", "--keep-frames", "--verbose",
            "--threads", "--frames-folder", "--frames");

    @ParentCommand
    StylizeCommand parent;

    private PrintWriter out;
    private PrintWriter err;

    @Spec
    CommandSpec spec;

    @Option(names = "--content", paramLabel = "VIDEO", required = true,
            description = "The video: a file (.mp4, .avi, .mov, ...) or a folder of frame images in name order.")
    Path content;

    @Option(names = "--output", paramLabel = "FILE|FOLDER", required = true,
            description = "A video file (.mp4, .mov, .mkv, .avi) or a folder for the stylized frames (PNG).")
    Path output;

    @Mixin
    StyleOptions style;

    @Option(names = "--video-init", paramLabel = "MODE",
            description = "Where frames after the first start: independent (afresh, flickers), previous (the previous "
                    + "stylized frame, the paper's method) or flow (it warped by optical flow, plus a temporal loss; "
                    + "default).")
    String videoInit = "flow";

    @Option(names = "--later-iterations", paramLabel = "N",
            description = "Iterations of each frame after the first (default: half of --iterations); "
                    + "independent frames all take --iterations.")
    Integer laterIterations;

    @Option(names = "--temporal-weight", paramLabel = "W",
            description = "Weight of the temporal loss with --video-init flow (default: 1000 for VGG, as Ruder et al.; "
                    + "the network's recommendation: squeezenet 5000).")
    Double temporalWeight;

    @Option(names = "--temporal-frames", split = ",", arity = "1..*", paramLabel = "J",
            description = "With flow: the earlier frames (1 = the previous) each frame is held to, each pixel to the "
                    + "nearest in which it was visible; 1,2,4 is Ruder et al.'s long-term consistency (default: 1).")
    List<Integer> temporalFrames = List.of(1);

    @Option(names = "--early-stop", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Stop a frame once its loss reaches the previous frame's final loss (default: on).")
    boolean earlyStop;

    @Option(names = "--flow-tolerance", paramLabel = "LEVELS|off",
            description = "With flow, hold a pixel to the warped previous frame only where the previous content frame, "
                    + "warped the same way, is within LEVELS (0-255) of this one: a wrong flow would pull in a ghost of "
                    + "what was there; there the frame starts from its content (default: 48; off: Ruder et al.'s occlusion "
                    + "mask alone).")
    String flowTolerance;

    @Option(names = "--frames", paramLabel = "N", description = "Stylize only the first N frames.")
    Integer maxFrames;

    @Option(names = "--frame-rate", paramLabel = "FPS",
            description = "Frame rate of a folder of frames (default: ${DEFAULT-VALUE}).")
    double frameRate = 25;

    @Option(names = "--frames-folder", paramLabel = "FOLDER",
            description = "Where finished frames are kept while a video output is made (default: OUTPUT.frames).")
    Path framesFolder;

    @Option(names = "--keep-frames", description = "Keep the frames folder after the video is written.")
    boolean keepFrames;

    @Option(names = "--overwrite", description = "Replace an existing output, and frames of a different run.")
    boolean overwrite;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        out = parent.out;
        err = parent.err;
        if (style.styles == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--styles=FILE...'");
        }
        boolean videoOutput = VideoEncoder.isVideoFile(output);
        Path frames = checkOutput(videoOutput);
        style.chooseNetwork(err, !parent.checkOnly);
        NetworkArchitecture architecture = style.architecture();
        StyleTransferOptions options = style.options(architecture);
        if (options.colors() != org.neuralstyle.algorithm.ColorControl.STYLE) {
            throw new UserError("--colors " + style.colors + " is for images; for video use --preserve-colors");
        }
        VideoInit init = videoInit();
        if (temporalWeight == null) {
            temporalWeight = architecture.recommendedWeights().temporal();
        }
        StyleOptions.requireNonNegative(temporalWeight, "--temporal-weight");
        if (laterIterations != null) {
            StyleOptions.requireAtLeast(laterIterations, 1, "--later-iterations");
        }
        if (maxFrames != null) {
            StyleOptions.requireAtLeast(maxFrames, 1, "--frames");
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new UserError("--frame-rate must be positive, got " + frameRate);
        }
        VideoInfo info = probe();
        VideoSettings settings = settings(info, init, options.iterations());
        String signature = signature();
        if (style.seed == null) { // a rerun must draw the same noise: the seed follows from the job
            options = options.toBuilder().seed(signature.hashCode() & 0xffffffL).build();
        }
        InputImages images = new InputImages(err);
        List<StyleImage> styles = style.styleImages(images);
        MemoryBudget budget = style.memoryBudget(architecture, options);
        budget.requireImageFits("each frame", style.width != null ? "--width " + style.width : "--content " + content,
                settings.width(), settings.height(), false);
        style.requireStylesFit(styles, settings.width(), budget, false);
        Initialization start = style.initialization(images);
        if (start != null) {
            options = options.toBuilder().initialization(start).build();
        }
        if (videoOutput) {
            VideoEncoder.check(output, settings.width(), settings.height(), info.frameRate(), content);
        }
        requireSpace(frames, settings, videoOutput);
        parent.plannedBytes = budget.imageBytes(settings.width(), settings.height());
        if (parent.checkOnly) {
            return 0; // the studio's and the batch's check before any work: everything but the work
        }
        NetworkWeights weights = style.loadWeights(architecture, style.weightsFile(architecture, err),
                parent.weightsCache);
        FrameStore store = openStore(frames, signature);
        if (store.finishedFrames() > 0) {
            out.printf(Locale.ROOT, "resuming: frames 1-%d of %d are done (in %s)%n",
                    Math.min(store.finishedFrames(), settings.frames()), settings.frames(), frames);
        }
        out.printf(Locale.ROOT, "%d frames at %dx%d, %s, %s%n", settings.frames(), settings.width(), settings.height(),
                init.label(), architecture.name());

        style.engine.notice().ifPresent(notice -> err.println("neural-style: note: " + notice));
        VideoResult result;
        try (StopSignal stop = new StopSignal()) {
            try (VideoProgress progress = new VideoProgress(out, parent.terminal, stop);
                 FrameSource source = openSource()) {
                // The studio hears frames too where its observer is a video listener.
                VideoListener listener = parent.observer instanceof VideoListener observer
                        ? VideoListener.both(progress, observer) : progress;
                result = new VideoStyleTransfer(weights, style.engine.settings(), styles, options, settings,
                        DisOpticalFlow::new).stylize(source, store, listener);
            }
            if (result.stopped()) {
                err.printf(Locale.ROOT, "neural-style: interrupted after frame %d of %d; the finished frames are in %s; "
                        + "rerun the same command to continue%n", result.resumedAfter() + result.stylized().size(),
                        result.frames(), frames);
                stop.finished();
                return StylizeCommand.EXIT_INTERRUPTED;
            }
            VideoAssembly.Measures measures = assemble(store, settings, info, videoOutput);
            stop.finished();
            report(result, measures, settings, info);
        }
        if (videoOutput && !keepFrames) {
            store.delete();
        }
        return 0;
    }

    /**
     * Room for every frame as a PNG at its largest and, for a video output, for the video file (counted as large
     * as the frames again, far above what H.264 or MPEG-4 write).
     */
    private void requireSpace(Path frames, VideoSettings settings, boolean videoOutput) {
        long frameBytes = OutputFiles.imageBytes(settings.width(), settings.height());
        long framesBytes = frameBytes * settings.frames();
        List<OutputFiles.Planned> planned = new ArrayList<>();
        planned.add(new OutputFiles.Planned(frames, videoOutput ? "--frames-folder" : "--output", framesBytes));
        if (videoOutput) {
            planned.add(new OutputFiles.Planned(output, "--output", framesBytes));
        }
        OutputFiles.requireSpace(planned);
    }

    /** The frames folder; for a video output, the output must be free to write. */
    private Path checkOutput(boolean videoOutput) {
        if (videoOutput) {
            OutputFiles.requireWritable(output, overwrite, "--output");
            return framesFolder != null ? framesFolder
                    : output.resolveSibling(output.getFileName() + ".frames");
        }
        String name = output.getFileName().toString();
        if (name.contains(".") && !Files.isDirectory(output)) {
            throw new UserError("--output " + output + ": not a video file (." + String.join(", .", VideoEncoder.EXTENSIONS)
                    + ") or a folder for frames");
        }
        if (framesFolder != null) {
            throw new UserError("--frames-folder is for a video output; the frames go to --output " + output);
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError("--output " + output + ": folder " + parent + " does not exist");
        }
        return output;
    }

    private VideoInit videoInit() {
        try {
            return VideoInit.parse(videoInit);
        } catch (IllegalArgumentException e) {
            throw new UserError("--video-init: " + e.getMessage());
        }
    }

    private FrameSource openSource() throws IOException {
        try {
            return FrameSource.open(content, frameRate);
        } catch (VideoFormatException e) {
            throw new UserError("--content " + e.getMessage());
        }
    }

    private VideoInfo probe() throws IOException {
        try (FrameSource source = openSource()) {
            return source.info();
        }
    }

    private double flowTolerance() {
        if (flowTolerance == null) {
            return VideoSettings.DEFAULT_FLOW_TOLERANCE;
        }
        if (flowTolerance.equalsIgnoreCase("off")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double levels = Double.parseDouble(flowTolerance);
            if (levels > 0 && Double.isFinite(levels)) {
                return levels;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UserError("--flow-tolerance: must be a positive number of levels or off, got '" + flowTolerance + "'");
    }

    private VideoSettings settings(VideoInfo info, VideoInit init, int iterations) {
        int width = style.width != null ? style.width : WorkingSize.defaultWidth(info.width(), info.height());
        StyleOptions.requireAtLeast(width, 2, "--width");
        int[] size = VideoSettings.frameSize(info.width(), info.height(), width);
        int frames = maxFrames == null ? info.frames() : Math.min(maxFrames, info.frames());
        int later = laterIterations != null ? laterIterations : Math.max(1, iterations / 2);
        List<Integer> distances = temporalFrames.stream().sorted().distinct().toList();
        if (distances.get(0) < 1) {
            throw new UserError("--temporal-frames must be at least 1 (the previous frame), got " + distances.get(0));
        }
        return new VideoSettings(size[0], size[1], frames, init, iterations, later, temporalWeight, distances,
                earlyStop, flowTolerance());
    }

    /**
     * The job as a line: every option given (names sorted, so order does not matter) and the content's size and
     * modification time, so that a rerun continues only the same job on the same video.
     */
    private String signature() throws IOException {
        TreeMap<String, String> given = new TreeMap<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!NOT_IN_SIGNATURE.contains(option.longestName())) {
                given.put(option.longestName(), String.valueOf(option.stringValues()));
            }
        }
        Path source = content.toAbsolutePath().normalize();
        String stamp = Files.isDirectory(source) ? "folder" : Files.size(source) + "@" + Files.getLastModifiedTime(source);
        return (source + " " + stamp + " " + given).replace('\n', ' ');
    }

    private FrameStore openStore(Path folder, String signature) {
        try {
            return FrameStore.open(folder, signature, overwrite);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Encodes the frames (a video output) and measures the consistency, in one pass over the source; the
     * encoder copies the source's audio (a folder has none).
     */
    private VideoAssembly.Measures assemble(FrameStore store, VideoSettings settings, VideoInfo info, boolean videoOutput)
            throws IOException {
        try (FrameSource source = openSource(); OpticalFlow flow = new DisOpticalFlow()) {
            if (!videoOutput) {
                return VideoAssembly.run(source, store, settings, null, flow);
            }
            try (VideoEncoder encoder = VideoEncoder.open(output, settings.width(), settings.height(),
                    info.frameRate(), content)) {
                VideoAssembly.Measures consistency = VideoAssembly.run(source, store, settings, encoder, flow);
                encoder.commit();
                return consistency;
            }
        }
    }

    private void report(VideoResult result, VideoAssembly.Measures measures, VideoSettings settings, VideoInfo info) {
        TemporalConsistency consistency = measures.consistency();
        List<FrameReport> later = new ArrayList<>();
        double seconds = 0;
        double firstSeconds = -1;
        for (FrameReport r : result.stylized()) {
            seconds += r.elapsed().toMillis() / 1000.0;
            if (r.frame() == 1) {
                firstSeconds = r.elapsed().toMillis() / 1000.0;
            } else {
                later.add(r);
            }
        }
        out.printf(Locale.ROOT, "wrote %s: %d frames at %dx%d, %.3f fps%n", output, settings.frames(), settings.width(),
                settings.height(), info.frameRate());
        if (!result.stylized().isEmpty()) {
            String first = firstSeconds >= 0 ? String.format(Locale.ROOT, "first frame %.1fs, ", firstSeconds) : "";
            String rest = later.isEmpty() ? "" : String.format(Locale.ROOT, "later frames %.2fs and %.0f iterations each",
                    later.stream().mapToDouble(r -> r.elapsed().toMillis() / 1000.0).average().orElse(0),
                    later.stream().mapToInt(FrameReport::iterations).average().orElse(0));
            out.printf(Locale.ROOT, "stylized %d frames in %.1fs (%s%s)%n", result.stylized().size(), seconds, first, rest);
        }
        out.printf(Locale.ROOT, "temporal consistency error %.2f (mean masked squared difference to the warped "
                + "previous frame over %d frame pairs; lower flickers less)%n", consistency.meanError(), consistency.pairs());
        if (measures.fidelity().frames() > 0) {
            out.printf(Locale.ROOT, "motion fidelity %.2f (how well each frame's edges follow its own content where the "
                    + "scene moved since frame 1, relative to frame 1, over %d frames; a video that holds still scores "
                    + "far below 1)%n", measures.fidelity().mean(), measures.fidelity().frames());
        }
    }
}
