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
