package org.neuralstyle.cli;

import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.job.VideoRequest;
import org.neuralstyle.job.WeightsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
            "--threads", "--frames-folder", "--frames", "--allow-damaged");

    @ParentCommand
    StylizeCommand parent;

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

    @Option(names = "--allow-damaged", description = "Paint the frames that can be read of a video file that is cut "
            + "short or damaged, with a warning (default: refuse it, naming what was read against what it announces).")
    boolean allowDamaged;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        return ConsoleRun.video(job(null), output, parent.out, parent.err, System.console() != null, JobListener.NONE);
    }

    /** The job these options ask for; weights shared with the other jobs of the process where a cache is given. */
    VideoJob job(WeightsCache weights) {
        if (style.styles == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--styles=FILE...'");
        }
        return new VideoJob(new VideoRequest(content, output, style.choices(), videoInit, laterIterations, temporalWeight,
                temporalFrames, earlyStop, flowTolerance, maxFrames, frameRate, framesFolder, keepFrames, overwrite,
                allowDamaged, signature()), weights);
    }

    /** The options given, names sorted (order does not matter), less those that do not change the frames. */
    private String signature() {
        TreeMap<String, String> given = new TreeMap<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!NOT_IN_SIGNATURE.contains(option.longestName())) {
                given.put(option.longestName(), String.valueOf(option.stringValues()));
            }
        }
        return given.toString();
    }
}
