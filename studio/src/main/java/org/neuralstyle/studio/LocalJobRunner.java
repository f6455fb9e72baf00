package org.neuralstyle.studio;

import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.WeightsCache;
import org.neuralstyle.job.run.ArgumentRun;
import org.neuralstyle.video.io.FrameSource;
import org.neuralstyle.video.io.VideoInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs studio jobs in this JVM, each read from its words with the jobs' own option table ({@link ArgumentRun}): the
 * same checks, defaults and outputs as {@code neural-style WORDS}, so a job's copied command reproduces it.
 */
public final class LocalJobRunner implements JobRunner {

    private final OptionCatalogue catalogue;
    /** The server's jobs share the networks' weights. */
    private final WeightsCache weights = new WeightsCache();

    /** @param networks network name -> weights file (null: the program's own lookup) */
    public LocalJobRunner(Map<String, String> networks, String defaultNetwork) {
        this.catalogue = OptionCatalogue.of(networks, defaultNetwork);
    }

    @Override
    public OptionCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public void check(List<String> arguments) {
        ArgumentRun.Result result = ArgumentRun.check(arguments);
        if (!result.succeeded()) {
            throw new IllegalArgumentException(result.message());
        }
    }

    @Override
    public JobOutcome run(List<String> arguments, JobListener listener, Path log) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            ArgumentRun.Result result = ArgumentRun.run(arguments, listener, out, weights);
            return new JobOutcome(result.status(), result.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public VideoSize probeVideo(Path file) {
        try (FrameSource source = FrameSource.open(file, 25)) {
            VideoInfo info = source.info();
            return new VideoSize(info.width(), info.height(), info.frames());
        } catch (IOException | RuntimeException notAVideo) {
            return null;
        }
    }

    /** Network name -> weights file as the server was given them, the default network first. */
    public static Map<String, String> networks(Map<String, Path> models) {
        Map<String, String> networks = new LinkedHashMap<>();
        models.forEach((name, file) -> networks.put(name, file == null ? null : file.toAbsolutePath().toString()));
        return networks;
    }
}
