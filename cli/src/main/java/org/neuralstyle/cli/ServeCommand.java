package org.neuralstyle.cli;

import org.neuralstyle.job.JobListener;
import org.neuralstyle.job.MemorySize;
import org.neuralstyle.job.UserError;
import org.neuralstyle.job.WeightsLocator;
import org.neuralstyle.models.BuiltInNetwork;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.Networks;
import org.neuralstyle.studio.LocalJobRunner;
import org.neuralstyle.studio.StudioServer;
import org.neuralstyle.studio.StudioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code neural-style serve}: the studio in the browser, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the studio: a web page to stylize images with a live preview, a job queue and a gallery.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    StylizeCommand parent;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only; any other address requires the access token printed at start).",
            defaultValue = StudioSettings.DEFAULT_HOST)
    String host;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).",
            defaultValue = "" + StudioSettings.DEFAULT_PORT)
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder for uploads, jobs and results (default: "
            + "$XDG_DATA_HOME/neural-style/studio, else ~/.local/share/neural-style/studio).")
    Path data;

    @Option(names = "--model", paramLabel = "NETWORK=FILE", description = "Offer this network with this weights file "
            + "(e.g. vgg16=vgg16.h5); repeatable. Default: vgg19 with the weights the command line finds, and the built-in "
            + "squeezenet (first where VGG-19's weights are not on this machine).")
    Map<String, Path> models;

    @Option(names = "--max-upload", paramLabel = "SIZE", description = "Largest upload accepted (default: 40M).")
    String maxUpload;

    @Option(names = "--max-image-side", paramLabel = "PX", description = "Largest width or height of an uploaded "
            + "image (default: ${DEFAULT-VALUE}).", defaultValue = "" + StudioSettings.DEFAULT_MAX_IMAGE_SIDE)
    int maxImageSide;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StudioSettings settings = settings();
        Map<String, Path> offered = networks();
        LocalJobRunner runner = new LocalJobRunner(LocalJobRunner.networks(offered), offered.keySet().iterator().next());
        CountDownLatch stopped = new CountDownLatch(1);
        StudioServer server;
        try {
            server = StudioServer.start(settings, runner);
        } catch (IOException e) {
            throw new UserError("--port " + port + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "studio-stop"));
        parent.out.println("neural-style studio: " + server.url());
        parent.out.println("jobs and results are kept in " + settings.dataFolder() + "; Ctrl-C stops (a running job "
                + "keeps its best image)");
        parent.out.flush();
        stopped.await();
        return 0;
    }

    StudioSettings settings() throws IOException {
        Path folder = data != null ? data : defaultDataFolder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserError("--data " + folder + ": cannot create the folder (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(folder)) {
            throw new UserError("--data " + folder + ": the folder is not writable");
        }
        long upload = maxUpload == null ? StudioSettings.DEFAULT_MAX_UPLOAD_BYTES : MemorySize.parse(maxUpload, "--max-upload");
        String token = null;
        try {
            if (!StudioSettings.isLoopback(host)) {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
            }
            return new StudioSettings(host, port, folder.toAbsolutePath(), token, upload, maxImageSide);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The offered networks: the user's, each file checked now; else VGG-19 with the command line's lookup and the
     * built-in SqueezeNet, VGG-19 first where its weights are on this machine, else SqueezeNet (a studio started
     * offline paints from its first job).
     */
    private Map<String, Path> networks() {
        Map<String, Path> offered = new LinkedHashMap<>();
        if (models == null || models.isEmpty()) {
            boolean vgg19Here = new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(), JobListener.NONE)
                    .hasVgg19();
            for (String network : vgg19Here ? List.of("vgg19", BuiltInNetwork.NETWORK) : List.of(BuiltInNetwork.NETWORK, "vgg19")) {
                offered.put(network, null);
            }
            return offered;
        }
        models.forEach((name, file) -> {
            if (!Networks.names().contains(name)) {
                throw new UserError("--model " + name + "=" + file + ": unknown network '" + name + "' (use "
                        + String.join(", ", Networks.names()) + ")");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UserError("--model " + name + "=" + file + ": file not found or not readable");
            }
            offered.put(name, file);
        });
        return offered;
    }

    private static Path defaultDataFolder() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("neural-style").resolve("studio");
    }
}
