package org.neuralstyle.job;

import org.neuralstyle.models.BuiltInNetwork;
import org.neuralstyle.models.DownloadException;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.KnownModel;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.Networks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the weights file when the user names none: the reference's file in the current folder, then the
 * cache, then a verified download into the cache; for SqueezeNet, the network built into the program. Where
 * no network was named and VGG-19 cannot be had, the built-in network paints instead (the first run must paint,
 * online or not); where VGG-19 was asked for, the error says which file to get, from where, and where to put it.
 */
public final class WeightsLocator {

    private final ModelCache cache;
    private final Downloader downloader;
    private final JobListener listener;

    public WeightsLocator(ModelCache cache, Downloader downloader, JobListener listener) {
        this.cache = cache;
        this.downloader = downloader;
        this.listener = listener;
    }

    /** A network's weights, and which network they are for. */
    record Located(String network, Path file) {
    }

    /**
     * The default network: VGG-19 where its weights are here or can be downloaded, else the built-in SqueezeNet,
     * said in one line with the command that fetches VGG-19.
     */
    Located locateDefault() throws IOException {
        Optional<Path> local = referenceFileHere();
        if (local.isPresent()) {
            return new Located("vgg19", local.get());
        }
        try {
            return new Located("vgg19", cachedOrDownloadedOrFailed(KnownModel.VGG19));
        } catch (IOException unavailable) {
            listener.onNote("VGG-19 is not on this machine and could not be downloaded ("
                    + unavailable.getMessage() + "); painting with the built-in SqueezeNet 1.1 instead. "
                    + "For VGG-19: neural-style models download vgg19, or --weights FILE");
            return new Located(BuiltInNetwork.NETWORK, BuiltInNetwork.file(cache));
        }
    }

    /** Whether VGG-19's weights are on this machine already (no download needed). */
    public boolean hasVgg19() {
        return referenceFileHere().isPresent() || Files.isRegularFile(cache.fileFor(KnownModel.VGG19));
    }

    /** The reference implementation's VGG-19 file in the current folder, where it is. */
    private static Optional<Path> referenceFileHere() {
        Path local = Path.of(StyleChoices.DEFAULT_WEIGHTS);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    public Path locate(String network) throws IOException {
        if (Networks.byName(network).equals(Networks.byName(BuiltInNetwork.NETWORK))) {
            return BuiltInNetwork.file(cache);
        }
        if (network.equals("vgg19") && referenceFileHere().isPresent()) {
            return referenceFileHere().get();
        }
        Optional<KnownModel> known = KnownModel.defaultFor(network);
        if (known.isEmpty()) {
            throw new UserError("no weights file for " + network + ": pass --weights FILE");
        }
        return cachedOrDownloaded(known.get());
    }

    /** The model from the cache or downloaded; where that fails, a one-line error saying how to get it by hand. */
    public Path cachedOrDownloaded(KnownModel model) throws IOException {
        try {
            return cachedOrDownloadedOrFailed(model);
        } catch (IOException e) {
            String reason = e instanceof DownloadException ? e.getMessage() : "download of " + model.url()
                    + " failed (" + e.getMessage() + ")";
            throw new UserError(reason + "; get " + model.url() + " yourself and put it at " + cache.fileFor(model)
                    + ", or pass --weights FILE");
        }
    }

    private Path cachedOrDownloadedOrFailed(KnownModel model) throws IOException {
        Path file = cache.fileFor(model);
        if (Files.isRegularFile(file)) {
            return file; // only verified downloads are ever moved there
        }
        listener.onNote("downloading " + model.fileName() + " (" + model.approximateMegabytes() + " MB) to "
                + cache.directory() + " (set " + ModelCache.ENVIRONMENT_VARIABLE + " to change)");
        try (JobListener.Download progress = listener.onDownload(model.fileName())) {
            downloader.download(model.url(), file, model.checksum(), progress);
        }
        return file;
    }
}
