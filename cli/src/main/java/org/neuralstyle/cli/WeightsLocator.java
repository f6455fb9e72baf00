package org.neuralstyle.cli;

import org.neuralstyle.models.DownloadException;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.KnownModel;
import org.neuralstyle.models.ModelCache;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the weights file when the user names none: the reference's file in the current folder, then the
 * cache, then a verified download into the cache. Offline, the error says which file to get, from where,
 * and where to put it.
 */
final class WeightsLocator {

    private final ModelCache cache;
    private final Downloader downloader;
    private final PrintWriter err;
    private final boolean terminal;

    WeightsLocator(ModelCache cache, Downloader downloader, PrintWriter err, boolean terminal) {
        this.cache = cache;
        this.downloader = downloader;
        this.err = err;
        this.terminal = terminal;
    }

    Path locate(String network) throws IOException {
        if (network.equals("vgg19")) {
            Path local = Path.of(StyleOptions.DEFAULT_WEIGHTS);
            if (Files.isRegularFile(local)) {
                return local;
            }
        }
        Optional<KnownModel> known = KnownModel.defaultFor(network);
        if (known.isEmpty()) {
            throw new UserError("no weights file for " + network + ": pass --weights FILE");
        }
        return cachedOrDownloaded(known.get());
    }

    Path cachedOrDownloaded(KnownModel model) throws IOException {
        Path file = cache.fileFor(model);
        if (Files.isRegularFile(file)) {
            return file; // only verified downloads are ever moved there
        }
        err.println("neural-style: downloading " + model.fileName() + " (" + model.approximateMegabytes() + " MB) to "
                + cache.directory() + " (set " + ModelCache.ENVIRONMENT_VARIABLE + " to change)");
        try (DownloadProgress progress = new DownloadProgress(err, terminal, model.fileName())) {
            downloader.download(model.url(), file, model.checksum(), progress);
        } catch (IOException e) {
            String reason = e instanceof DownloadException ? e.getMessage() : "download of " + model.url()
                    + " failed (" + e.getMessage() + ")";
            throw new UserError(reason + "; get " + model.url() + " yourself and put it at " + file
                    + ", or pass --weights FILE");
        }
        return file;
    }
}
