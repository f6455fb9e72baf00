package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import org.neuralstyle.job.WeightsLocator;
import org.neuralstyle.models.BuiltInNetwork;
import org.neuralstyle.models.Checksum;
import org.neuralstyle.models.Downloader;
import org.neuralstyle.models.KnownModel;
import org.neuralstyle.models.ModelCache;
import org.neuralstyle.network.Networks;
import org.neuralstyle.weights.FileConvolution;
import org.neuralstyle.weights.InputConvention;
import org.neuralstyle.weights.WeightCatalogue;
import org.neuralstyle.weights.WeightFiles;
import org.neuralstyle.weights.WeightsFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code neural-style models list | download NAME | verify FILE | inspect FILE}: the weights files the program
 * knows, and what is in any weights file a user has.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, download, verify or inspect pretrained weights files.")
final class ModelsCommand {

    @ParentCommand
    StylizeCommand parent;

    @Command(name = "list", description = "The known weights files, and whether each is in the cache.")
    int list() {
        ModelCache cache = ModelCache.fromEnvironment();
        parent.out.println("cache: " + cache.directory() + " (set " + ModelCache.ENVIRONMENT_VARIABLE + " to change)");
        String row = "%-18s %-10s %5d MB  %-10s %s%n";
        parent.out.printf(Locale.ROOT, row, BuiltInNetwork.NETWORK, BuiltInNetwork.NETWORK, 5, "built in",
                BuiltInNetwork.DESCRIPTION);
        for (KnownModel m : KnownModel.all()) {
            Path file = cache.fileFor(m);
            parent.out.printf(Locale.ROOT, row, m.name(), m.network(), m.approximateMegabytes(),
                    Files.isRegularFile(file) ? "cached" : "not cached", m.description());
        }
        return 0;
    }

    @Command(name = "download", description = "Download a weights file into the cache (verified by checksum).")
    int download(@Parameters(paramLabel = "NAME", description = "A name from `models list`.") String name)
            throws IOException {
        if (name.equalsIgnoreCase(BuiltInNetwork.NETWORK)) {
            parent.out.println(BuiltInNetwork.file(ModelCache.fromEnvironment()) + " (built into the program: nothing to download)");
            return 0;
        }
        KnownModel model = KnownModel.byName(name).orElseThrow(() -> new UserError("unknown model '" + name
                + "' (see neural-style models list)"));
        Path file = new WeightsLocator(ModelCache.fromEnvironment(), new Downloader(),
                new ConsoleListener(parent.out, parent.err, System.console() != null)).cachedOrDownloaded(model);
        parent.out.println(file);
        return 0;
    }

    @Command(name = "verify", description = "Check a weights file against the known checksums.")
    int verify(@Parameters(paramLabel = "FILE") Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        if (BuiltInNetwork.CHECKSUM.matches(file)) {
            parent.out.println(file + ": OK, " + BuiltInNetwork.NETWORK + " (" + BuiltInNetwork.DESCRIPTION + "), "
                    + BuiltInNetwork.CHECKSUM);
            return 0;
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

    @Command(name = "inspect", description = "What a weights file holds: format and layout, input normalisation, "
            + "convolutions and their shapes, checksum, and for which networks it can be used (or exactly why not).")
    int inspect(@Parameters(paramLabel = "FILE") Path file,
                @Option(names = "--input-normalization", paramLabel = "caffe-bgr|imagenet-std",
                        description = "Read the file as trained with this preprocessing (for files that cannot tell).")
                String inputNormalization) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        PrintWriter out = parent.out;
        out.printf(Locale.ROOT, "%s: %.1f MB, SHA-256 %s%n", file, Files.size(file) / 1e6, Checksum.of(file, "SHA-256"));
        out.println("  known file: " + knownFile(file));
        WeightCatalogue catalogue;
        try {
            catalogue = WeightFiles.read(file);
        } catch (WeightsFormatException e) {
            throw new UserError(file + ": cannot be used: " + withoutFile(e.getMessage(), file));
        }
        if (inputNormalization != null) {
            try {
                catalogue = catalogue.withConvention(InputConvention.parse(inputNormalization));
            } catch (IllegalArgumentException e) {
                throw new UserError("--input-normalization: " + e.getMessage());
            }
        }
        out.println("  format: " + catalogue.format() + ", " + catalogue.layout());
        out.println("  input: " + (catalogue.inputKnown() ? catalogue.normalization().describe()
                + (catalogue.bgr() ? ", first layer trained on BGR (reversed to take RGB)" : "") : "UNKNOWN")
                + "; " + catalogue.inputEvidence());
        out.println("  convolutions: " + catalogue.convolutions().size());
        int nameWidth = catalogue.convolutions().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (FileConvolution conv : catalogue.convolutions()) {
            String fileName = conv.fileName().equals(conv.name()) ? "" : "  (" + conv.fileName() + ")";
            out.println(String.format(Locale.ROOT, "    %-" + Math.max(10, nameWidth) + "s %-14s%s", conv.name(),
                    conv.shapeText(), fileName).stripTrailing());
        }
        for (String skipped : catalogue.skipped()) {
            out.println("    " + skipped);
        }
        List<String> usable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String network : Networks.names()) {
            try {
                catalogue.bind(Networks.byName(network));
                usable.add(network);
                out.println("  usable as " + network + ": yes");
            } catch (WeightsFormatException e) {
                String why = withoutFile(e.getMessage(), file);
                reasons.add(network + ": " + why);
                out.println("  usable as " + network + ": no, " + why);
            }
        }
        if (usable.isEmpty()) {
            throw new UserError(file + ": cannot be used (" + String.join("; ", reasons) + ")");
        }
        return 0;
    }

    private static String knownFile(Path file) throws IOException {
        if (BuiltInNetwork.CHECKSUM.matches(file)) {
            return "yes, " + BuiltInNetwork.NETWORK + " (" + BuiltInNetwork.DESCRIPTION + ")";
        }
        for (KnownModel m : KnownModel.all()) {
            if (m.checksum().matches(file)) {
                return "yes, " + m.name() + " (" + m.description() + ")";
            }
        }
        return "no (matches no file in `models list`)";
    }

    private static String withoutFile(String message, Path file) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
