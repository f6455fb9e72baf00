package org.neuralstyle.job;

import org.neuralstyle.algorithm.ColorControl;
import org.neuralstyle.algorithm.Initialization;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.WorkingSize;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.video.FrameReport;
import org.neuralstyle.video.FrameStore;
import org.neuralstyle.video.MaskFrames;
import org.neuralstyle.video.TemporalConsistency;
import org.neuralstyle.video.VideoAssembly;
import org.neuralstyle.video.VideoInit;
import org.neuralstyle.video.VideoResult;
import org.neuralstyle.video.VideoSettings;
import org.neuralstyle.video.VideoStyleTransfer;
import org.neuralstyle.video.flow.DisOpticalFlow;
import org.neuralstyle.video.flow.OpticalFlow;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.FrameTiming;
import org.neuralstyle.video.io.VideoEncoder;
import org.neuralstyle.video.io.VideoFormatException;
import org.neuralstyle.video.io.VideoInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A video stylized frame by frame, as a service every front end calls: {@link #check} makes every check a run makes
 * before its work starts; {@link #run} stylizes the frames it has not finished yet (each kept as it is done, so a
 * rerun continues), then assembles the video with the source's frame times and audio and measures its consistency.
 */
public final class VideoJob {

    /** The frame being painted, as far as it got: {@code current-frame.partial.png} in the frames folder. */
    static final String CURRENT_FRAME = "current-frame.png";

    private final VideoRequest request;
    /** Weights shared with the other jobs of this process (batch, studio); null: read for this job. */
    private final WeightsCache weightsCache;

    /** Where the video (or its folder of frames) goes. */
    public Path output() {
        return request.output();
    }

    public VideoJob(VideoRequest request, WeightsCache weightsCache) {
        this.request = request;
        this.weightsCache = weightsCache;
    }

    /** How a run ended: the frames done, and (when it was not stopped) the consistency measured on the result. */
    public record Outcome(VideoResult result, VideoSettings settings, VideoInfo info, Path frames,
                          VideoAssembly.Measures measures) {

        public boolean stopped() {
            return result.stopped();
        }
    }

    /** Everything a run checks before its work starts, without downloading or loading the network. */
    public JobPlan check(JobListener listener) throws IOException {
        return check(listener, false).plan();
    }

    /** A checked job: its choices with the network chosen, its settings, styles and plan. */
    private record Checked(StyleChoices style, NetworkArchitecture architecture, StyleTransferOptions options,
                           VideoSettings settings, VideoInfo info, List<StyleImage> styles, Path frames,
                           boolean videoOutput, String signature, JobPlan plan, MaskFrames maskFrames) {
    }

    private Checked check(JobListener listener, boolean mayDownload) throws IOException {
        boolean videoOutput = VideoEncoder.isVideoFile(request.output());
        Path frames = checkOutput(videoOutput);
        StyleChoices style = request.style().withNetworkChosen(listener, mayDownload);
        NetworkArchitecture architecture = style.architecture();
        StyleTransferOptions options = style.options(architecture);
        style.strengthNotice(options).ifPresent(notice -> listener.onNote("note: " + notice));
        if (options.colors() != ColorControl.STYLE) {
            throw new UserError("--colors " + style.colors() + " is for images; for video use --preserve-colors");
        }
        if (style.regionsFrom() != null) {
            throw new UserError("--regions-from is for images; for a video give --style-masks (one mask for all frames)");
        }
        VideoInit init = videoInit();
        double temporalWeight = request.temporalWeight() != null ? request.temporalWeight()
                : architecture.recommendedWeights().temporal();
        StyleChoices.requireNonNegative(temporalWeight, "--temporal-weight");
        if (request.laterIterations() != null) {
            StyleChoices.requireAtLeast(request.laterIterations(), 1, "--later-iterations");
        }
        if (request.maxFrames() != null) {
            StyleChoices.requireAtLeast(request.maxFrames(), 1, "--frames");
        }
        if (!(request.frameRate() > 0) || Double.isInfinite(request.frameRate())) {
            throw new UserError("--frame-rate must be positive, got " + request.frameRate());
        }
        VideoInfo info = probe();
        VideoSettings settings = settings(style, temporalWeight, info, init, options.iterations());
        checkTiming(info, settings, videoOutput, listener);
        String signature = signature();
        if (style.seed() == null) { // a rerun must draw the same noise: the seed follows from the job
            options = options.toBuilder().seed(signature.hashCode() & 0xffffffL).build();
        }
        InputImages images = new InputImages(listener);
        List<StyleImage> styles = style.styleImages(images, settings.width());
        MemoryBudget budget = style.memoryBudget(architecture, options);
        budget.requireImageFits("each frame", style.width() != null ? "--width " + style.width()
                : "--content " + request.content(), settings.width(), settings.height(), false);
        style.requireStylesFit(styles, settings.width(), budget, false);
        Initialization start = style.initialization(images);
        if (start != null) {
            options = options.toBuilder().initialization(start).build();
        }
        if (videoOutput) {
            VideoEncoder.check(request.output(), settings.width(), settings.height(), info.outputFrameRate(),
                    request.content());
        }
        requireSpace(frames, settings, videoOutput);
        JobPlan plan = new JobPlan(settings.width(), settings.height(), architecture.name(),
                settings.firstFrameIterations() + Math.max(0, settings.frames() - 1) * settings.laterFrameIterations(),
                budget.imageBytes(settings.width(), settings.height()));
        return new Checked(style, architecture, options, settings, info, styles, frames, videoOutput, signature, plan,
                maskFrames(style, settings));
    }

    /**
     * Masks that move with the video: per style, its folder's mask frames (one for each frame painted, checked now);
     * null where no style has a folder.
     */
    private static MaskFrames maskFrames(StyleChoices style, VideoSettings settings) throws IOException {
        if (style.maskFolders().isEmpty()) {
            return null;
        }
        List<List<Path>> perStyle = new ArrayList<>();
        for (Path mask : style.styleMasks()) {
            if (!Files.isDirectory(mask)) {
                perStyle.add(List.of());
                continue;
            }
            List<Path> frames = FrameSource.frameImages(mask);
            if (frames.size() < settings.frames()) {
                throw new UserError("--style-masks " + mask + ": has " + frames.size() + " mask frames for "
                        + settings.frames() + " frames");
            }
            perStyle.add(frames);
        }
        return new MaskFrames(perStyle);
    }

    /**
     * A source cut short is refused, naming what was read against what it announces (--allow-damaged: a warning),
     * unless the frames asked for end before the damage; a variable-rate source is written at a constant rate
     * that keeps each frame at its own time, and the note says which.
     */
    private void checkTiming(VideoInfo info, VideoSettings settings, boolean videoOutput, JobListener listener) {
        FrameTiming timing = info.timing();
        boolean readsToTheEnd = request.maxFrames() == null || request.maxFrames() > settings.frames();
        timing.shortfall().filter(damage -> readsToTheEnd).ifPresent(damage -> {
            if (!request.allowDamaged()) {
                throw new UserError("--content " + request.content() + ": " + damage
                        + " (--allow-damaged paints the frames that can be read)");
            }
            listener.onNote("warning: " + request.content().getFileName() + ": " + damage + "; painting the "
                    + timing.frames() + " frames that can be read");
        });
        double rate = info.outputFrameRate();
        if (videoOutput && rate != FrameTiming.encoderRate(info.frameRate())) {
            double[] gaps = timing.intervalRangeSeconds();
            double shift = timing.largestShiftSeconds(rate);
            listener.onNote(String.format(Locale.ROOT, "note: %s has a variable frame rate (frames %.3f to %.3f s "
                    + "apart, %.3f fps on average); the video is written at a constant %s fps, %s",
                    request.content().getFileName(), gaps[0], gaps[1], info.frameRate(), fps(rate),
                    shift <= 0.5 / rate + 1e-6 ? "each frame at its own time (a frame is held through a gap)"
                            : String.format(Locale.ROOT, "frames moved by up to %.3f s", shift)));
        }
    }

    private static String fps(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.3f", rate);
    }

    /** Checks, loads the network, stylizes the frames not done yet, assembles and measures the result. */
    public Outcome run(JobListener listener) throws IOException {
        Checked checked = check(listener, true);
        StyleChoices style = checked.style();
        VideoSettings settings = checked.settings();
        NetworkWeights weights = style.loadWeights(checked.architecture(),
                style.weightsFile(checked.architecture(), listener), weightsCache);
        FrameStore store = openStore(checked.frames(), checked.signature());
        if (store.finishedFrames() > 0) {
            listener.onStatus(String.format(Locale.ROOT, "resuming: frames 1-%d of %d are done (in %s)",
                    Math.min(store.finishedFrames(), settings.frames()), settings.frames(), checked.frames()));
        }
        listener.onStatus(String.format(Locale.ROOT, "%d frames at %dx%d, %s, %s", settings.frames(), settings.width(),
                settings.height(), settings.init().label(), checked.architecture().name()));
        style.engine().notice().ifPresent(notice -> listener.onNote("note: " + notice));
        VideoResult result;
        BestSoFar currentFrame = new BestSoFar(checked.frames().resolve(CURRENT_FRAME), listener);
        try (FrameSource source = openSource()) {
            result = new VideoStyleTransfer(weights, style.engine().settings(), checked.styles(), checked.options(),
                    settings, DisOpticalFlow::new, checked.maskFrames()).stylize(source, store,
                    JobListener.all(listener, currentFrame));
        }
        if (result.stopped()) {
            return new Outcome(result, settings, checked.info(), checked.frames(), null);
        }
        currentFrame.discard();
        VideoAssembly.Measures measures = assemble(store, settings, checked.info(), checked.videoOutput());
        if (checked.videoOutput() && !request.keepFrames()) {
            store.delete();
        }
        return new Outcome(result, settings, checked.info(), checked.frames(), measures);
    }

    /**
     * The job as a line: the options given (from the front end, names sorted) and the content's size and
     * modification time, so that a rerun continues only the same job on the same video.
     */
    private String signature() throws IOException {
        Path source = request.content().toAbsolutePath().normalize();
        String stamp = Files.isDirectory(source) ? "folder" : Files.size(source) + "@" + Files.getLastModifiedTime(source);
        return (source + " " + stamp + " " + request.signature()).replace('\n', ' ');
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
            planned.add(new OutputFiles.Planned(request.output(), "--output", framesBytes));
        }
        OutputFiles.requireSpace(planned);
    }

    /** The frames folder; for a video output, the output must be free to write. */
    private Path checkOutput(boolean videoOutput) {
        if (videoOutput) {
            OutputFiles.requireWritable(request.output(), request.overwrite(), "--output");
            return request.framesFolder() != null ? request.framesFolder()
                    : request.output().resolveSibling(request.output().getFileName() + ".frames");
        }
        String name = request.output().getFileName().toString();
        if (name.contains(".") && !Files.isDirectory(request.output())) {
            throw new UserError("--output " + request.output() + ": not a video file (." + String.join(", .", VideoEncoder.EXTENSIONS)
                    + ") or a folder for frames");
        }
        if (request.framesFolder() != null) {
            throw new UserError("--frames-folder is for a video output; the frames go to --output " + request.output());
        }
        Path parent = request.output().toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError("--output " + request.output() + ": folder " + parent + " does not exist");
        }
        return request.output();
    }

    private VideoInit videoInit() {
        try {
            return VideoInit.parse(request.videoInit());
        } catch (IllegalArgumentException e) {
            throw new UserError("--video-init: " + e.getMessage());
        }
    }

    private FrameSource openSource() throws IOException {
        try {
            return FrameSource.open(request.content(), request.frameRate());
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
        if (request.flowTolerance() == null) {
            return VideoSettings.DEFAULT_FLOW_TOLERANCE;
        }
        if (request.flowTolerance().equalsIgnoreCase("off")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double levels = Double.parseDouble(request.flowTolerance());
            if (levels > 0 && Double.isFinite(levels)) {
                return levels;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UserError("--flow-tolerance: must be a positive number of levels or off, got '" + request.flowTolerance() + "'");
    }

    private VideoSettings settings(StyleChoices style, double temporalWeight, VideoInfo info, VideoInit init,
                                   int iterations) {
        int width = style.width() != null ? style.width() : WorkingSize.defaultWidth(info.width(), info.height());
        StyleChoices.requireAtLeast(width, 2, "--width");
        int[] size = VideoSettings.frameSize(info.width(), info.height(), width);
        int frames = request.maxFrames() == null ? info.frames() : Math.min(request.maxFrames(), info.frames());
        int later = request.laterIterations() != null ? request.laterIterations() : Math.max(1, iterations / 2);
        List<Integer> distances = request.temporalFrames().stream().sorted().distinct().toList();
        if (distances.get(0) < 1) {
            throw new UserError("--temporal-frames must be at least 1 (the previous frame), got " + distances.get(0));
        }
        return new VideoSettings(size[0], size[1], frames, init, iterations, later, temporalWeight, distances,
                request.earlyStop(), flowTolerance());
    }

    private FrameStore openStore(Path folder, String signature) {
        try {
            return FrameStore.open(folder, signature, request.overwrite());
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
            try (VideoEncoder encoder = VideoEncoder.open(request.output(), settings.width(), settings.height(),
                    info.outputFrameRate(), request.content())) {
                VideoAssembly.Measures consistency = VideoAssembly.run(source, store, settings, encoder, flow);
                encoder.commit();
                return consistency;
            }
        }
    }


    /** The summary of a finished run: what was written, how long the frames took, how steady the result is. */
    public static List<String> summary(Outcome outcome, Path output) {
        VideoResult result = outcome.result();
        VideoSettings settings = outcome.settings();
        TemporalConsistency consistency = outcome.measures().consistency();
        List<String> lines = new ArrayList<>();
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
        lines.add(String.format(Locale.ROOT, "wrote %s: %d frames at %dx%d, %.3f fps", output, settings.frames(),
                settings.width(), settings.height(), outcome.info().outputFrameRate()));
        if (!result.stylized().isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (firstSeconds >= 0) {
                parts.add(String.format(Locale.ROOT, "first frame %.1fs", firstSeconds));
            }
            if (!later.isEmpty()) {
                parts.add(String.format(Locale.ROOT, "later frames %.2fs and %.0f iterations each",
                        later.stream().mapToDouble(r -> r.elapsed().toMillis() / 1000.0).average().orElse(0),
                        later.stream().mapToInt(FrameReport::iterations).average().orElse(0)));
            }
            lines.add(String.format(Locale.ROOT, "stylized %d frame%s in %.1fs (%s)", result.stylized().size(),
                    result.stylized().size() == 1 ? "" : "s", seconds, String.join(", ", parts)));
        }
        lines.add(String.format(Locale.ROOT, "temporal consistency error %.2f (mean masked squared difference to the "
                + "warped previous frame over %d frame pairs; lower flickers less)", consistency.meanError(),
                consistency.pairs()));
        if (outcome.measures().fidelity().frames() > 0) {
            lines.add(String.format(Locale.ROOT, "motion fidelity %.2f (how well each frame's edges follow its own "
                    + "content where the scene moved since frame 1, relative to frame 1, over %d frames; a video that "
                    + "holds still scores far below 1)", outcome.measures().fidelity().mean(),
                    outcome.measures().fidelity().frames()));
        }
        return lines;
    }
}
