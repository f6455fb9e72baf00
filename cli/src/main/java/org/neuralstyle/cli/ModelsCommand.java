package org.neuralstyle.cli;

import org.neuralstyle.models.Checksum;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.KnownModel;
import org.neuralstyle.models.ModelCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code neural-style models list | download NAME | verify FILE}: the weights files the program knows. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, download or verify the pretrained weights files.")
final class ModelsCommand {

    @ParentCommand
    StylizeCommand parent;

    @Command(name = "list", description = "The known weights files, and whether each is in the cache.")
    int list() {
        ModelCache cache = ModelCache.fromEnvironment();
        parent.out.println("cache: " + cache.directory() + " (set " + ModelCache.ENVIRONMENT_VARIABLE + " to change)");
        for (KnownModel m : KnownModel.all()) {
            Path file = cache.fileFor(m);
            parent.out.printf(Locale.ROOT, "%-18s %-7s %5d MB  %-10s %s%n", m.name(), m.network(), m.approximateMegabytes(),
                    Files.isRegularFile(file) ? "cached" : "not cached", m.description());
        }
        return 0;
    }

    @Command(name = "download", description = "Download a weights file into the cache (verified by checksum).")
    int download(@Parameters(paramLabel = "NAME", description = "A name from `models list`.") String name)
            throws IOException {
        KnownModel model = KnownModel.byName(name).orElseThrow(() -> new UserError("unknown model '" + name
                + "' (see neural-style models list)"));
        Path file = new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(), parent.err,
                System.console() != null).cachedOrDownloaded(model);
        parent.out.println(file);
        return 0;
    }

    @Command(name = "verify", description = "Check a weights file against the known checksums.")
    int verify(@Parameters(paramLabel = "FILE") Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        for (KnownModel m : KnownModel.all()) {
            if (m.checksum().matches(file)) {
                parent.out.println(file + ": OK, " + m.name() + " (" + m.description() + "), " + m.checksum());
                return 0;
            }
        }
        String sha256 = Checksum.of(file, "SHA-256");
        throw new UserError(file + ": matches no known weights file (SHA-256 " + sha256 + "); "
                + "a wrong file or a corrupt download");
    }
}
