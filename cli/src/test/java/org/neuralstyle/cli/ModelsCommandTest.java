package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheKnownWeightsFiles() {
        CliRun run = CliRun.of("models", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("cache: ").contains("NEURAL_STYLE_CACHE")
                .contains("vgg19 ").contains("vgg19-matconvnet").contains("80 MB").contains("534 MB");
    }

    /** The built-in network is listed, recognised by its checksum, and needs no download. */
    @Test
    void theBuiltInNetworkIsListedAndRecognised() {
        CliRun list = CliRun.of("models", "list");
        assertThat(list.out()).containsPattern("squeezenet +squeezenet +5 MB +built in +SqueezeNet 1\\.1");
        Path builtIn = org.neuralstyle.testing.BuiltInSqueezeNet.file();
        CliRun verify = CliRun.of("models", "verify", builtIn.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains(": OK, squeezenet (");
        CliRun download = CliRun.of("models", "download", "squeezenet");
        assertThat(download.exitCode()).isZero();
        assertThat(download.out()).contains("built into the program: nothing to download");
    }

    @Test
    void verifyRejectsAFileThatIsNoKnownModel() throws IOException {
        Path file = dir.resolve("vgg19.h5");
        Files.writeString(file, "a corrupt download");
        CliRun run = CliRun.of("models", "verify", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("vgg19.h5").contains("matches no known weights file").contains("SHA-256");
    }

    @Test
    void unknownModelNameIsNamed() {
        CliRun run = CliRun.of("models", "download", "alexnet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown model 'alexnet'");
    }

    @Test
    void stylizingWithoutTheRequiredOptionsIsAUsageError() {
        CliRun run = CliRun.of("--content", "x.png");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("--styles").contains("--output").doesNotContain("--content=");
    }
}
