package org.neuralstyle.cli;

import org.neuralstyle.job.RecordedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code neural-style info PICTURE...}: the settings a picture carries, the command that made it first. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show how a picture was made: the program's version, the command that reproduces it (rerun it "
                + "with --settings-from PICTURE) and its input files with their SHA-256.")
final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    StylizeCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PICTURE", description = "Pictures written by neural-style (.png, .jpg, .tif).")
    List<Path> pictures;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = parent.out;
        for (Path picture : pictures) {
            RecordedSettings settings = RecordedSettings.readFrom(picture, "");
            out.println(picture + ": made by " + settings.version());
            out.println("  " + settings.command());
            settings.inputs().forEach((file, hash) -> out.println("  input " + file + " " + hash));
        }
        return 0;
    }
}
