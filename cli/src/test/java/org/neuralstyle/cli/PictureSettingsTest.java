package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.EmbeddedSettings;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.testing.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every picture carries the settings that made it; `info` shows them and `--settings-from` paints them again. */
class PictureSettingsTest {

    @TempDir
    Path dir;

    private Path content() throws Exception {
        Path photo = dir.resolve("photo.png");
        if (!Files.exists(photo)) {
            ImageFiles.write(Resampling.toWidth(ImageFiles.read(SharedData.media("content/chelsea.png")), 96), photo);
        }
        return photo;
    }

    private CliRun paint(Path output, String... more) throws Exception {
        String[] base = {"--content", content().toString(), "--styles", SharedData.media("style/starry_night.jpg").toString(),
                "--output", output.toString(), "--network", "squeezenet", "--iterations", "15"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void infoPrintsTheCommandOfPngJpegAndTiffOutputs() throws Exception {
        for (String extension : new String[] {"png", "jpg", "tif"}) {
            Path output = dir.resolve("out." + extension);
            paint(output, "--seed", "11", "--style-weight", "300");
            CliRun info = CliRun.of("info", output.toString());
            assertThat(info.exitCode()).as(info.err()).isZero();
            assertThat(info.out()).as(extension)
                    .contains(output + ": made by neural-style ")
                    .contains("neural-style --content " + content() + " --styles " + SharedData.media("style/starry_night.jpg")
                            + " --network squeezenet --iterations 15 --seed 11 --style-weight 300")
                    .doesNotContain("--output")
                    .containsPattern("input " + Pattern.quote(content().toString()) + " sha256:[0-9a-f]{64}");
        }
    }

    @Test
    void settingsFromReproducesTheSameBytesAndGivenOptionsWin() throws Exception {
        Path first = dir.resolve("first.png");
        CliRun original = paint(first); // no seed given: the random one drawn is recorded
        assertThat(EmbeddedSettings.read(first).orElseThrow()).containsPattern("--seed \\d+");

        Path again = dir.resolve("again.png");
        CliRun rerun = CliRun.of("--settings-from", first.toString(), "--output", again.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(Files.readAllBytes(again)).as("same settings, same seed: the same file").isEqualTo(Files.readAllBytes(first));

        Path shorter = dir.resolve("shorter.png");
        CliRun changed = CliRun.of("--settings-from", first.toString(), "--output", shorter.toString(), "--iterations", "3");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("of 3,");
        assertThat(original.out()).contains("of 15,");
        assertThat(EmbeddedSettings.read(shorter).orElseThrow()).contains("--iterations 3").doesNotContain("--iterations 15");
    }

    @Test
    void aPictureWithoutSettingsIsOneClearLine() throws Exception {
        Path plain = dir.resolve("plain.png");
        ImageFiles.write(ImageFiles.read(content()), plain);
        for (CliRun run : new CliRun[] {CliRun.of("info", plain.toString()),
                CliRun.of("--settings-from", plain.toString(), "--output", dir.resolve("x.png").toString())}) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines().toList()).hasSize(1);
            assertThat(run.err()).startsWith("neural-style: ").contains(plain + ": carries no neural-style settings");
        }
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aChangedInputIsNamedWhenPaintingAgain() throws Exception {
        Path first = dir.resolve("first.png");
        paint(first, "--seed", "5");
        ImageFiles.write(Resampling.toWidth(ImageFiles.read(SharedData.media("content/coffee.png")), 96), content());
        CliRun rerun = CliRun.of("--settings-from", first.toString(), "--output", dir.resolve("b.png").toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("note: " + content() + " is not the file " + first + " was made from");
    }
}
