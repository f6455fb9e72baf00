package org.neuralstyle.cli;

import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.VideoJob;
import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.options.JobOption;
import org.neuralstyle.job.options.JobOptions;
import org.neuralstyle.job.WeightsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code neural-style video}: stylize a video file or a folder of frames, frame by frame. */
@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "neural-style video --content VIDEO|FOLDER --styles FILE... --output VIDEO|FOLDER [OPTION...]",
        description = {"Stylizes a video (any file FFmpeg reads, or a folder of frame images) frame by frame.",
                "Finished frames are kept as they are done; rerunning the same command continues where it stopped.",
                "The video is assembled at the end, with the source's frame times and audio."})
final class VideoCommand implements Callable<Integer> {

    @ParentCommand
    StylizeCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return ConsoleRun.video(job(null), parent.out, parent.err, System.console() != null, JobListener.NONE);
    }

    /** The job these options ask for; weights shared with the other jobs of the process where a cache is given. */
    VideoJob job(WeightsCache weights) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--styles")) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--styles=FILE...'");
        }
        return new VideoJob(JobOptionSpecs.read(parsed, JobKind.VIDEO).video(signature(parsed)), weights);
    }

    /** The options given, names sorted (order does not matter), less those that do not change the frames. */
    static String signature(ParseResult parsed) {
        TreeMap<String, String> given = new TreeMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            boolean changesFrames = JobOptions.find(option.longestName(), JobKind.VIDEO).map(JobOption::changesFrames)
                    .orElse(true);
            if (changesFrames) {
                given.put(option.longestName(), String.valueOf(option.stringValues()));
            }
        }
        return given.toString();
    }
}
