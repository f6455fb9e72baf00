package org.neuralstyle.studio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobArgumentsTest {

    /** The copied command, run by a real shell, hands the program exactly the job's arguments. */
    @Test
    void theCopiedCommandGivesAShellTheSameArguments() throws IOException, InterruptedException {
        List<String> args = List.of("--content", "/data/my photos/cat's eye.png", "--styles", "a.jpg", "b;rm -rf x.jpg",
                "--style-blend-weights", "0.5,1.5", "--colors", "content-histogram", "--output", "$HOME/out`x`.png");
        String command = JobArguments.shellCommand(args);
        assertThat(command).startsWith("neural-style --content '/data/my photos/cat'\\''s eye.png' --styles a.jpg ");
        Process shell = new ProcessBuilder("bash", "-c",
                "neural-style() { printf '%s\\n' \"$@\"; }; " + command).redirectErrorStream(true).start();
        String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).isZero();
        assertThat(printed.lines().toList()).isEqualTo(args);
    }

    /**
     * The catalogue is the jobs' own option table: a switch that is on by default (--keep-best) is sent only when it
     * is turned off, as --no-keep-best; a flag that is off by default only when it is turned on; an option a studio
     * job may not set (one that names a file on the server) is not offered.
     */
    @Test
    void switchesThatAreOnByDefaultAreSentOnlyWhenTurnedOff(@TempDir Path dir) throws IOException {
        OptionCatalogue catalogue = OptionCatalogue.of(Map.of("squeezenet", "w"), "squeezenet");
        assertThat(catalogue.option("--keep-best", false)).hasValueSatisfying(o -> assertThat(o.on()).isTrue());
        assertThat(catalogue.option("--preserve-colors", false)).hasValueSatisfying(o -> assertThat(o.on()).isFalse());
        assertThat(catalogue.option("--settings-from", false)).isEmpty();
        assertThat(catalogue.option("--initial", false)).isEmpty();
        assertThat(catalogue.option("--early-stop", true)).hasValueSatisfying(o -> assertThat(o.on()).isTrue());
        Uploads uploads = new Uploads(dir.resolve("uploads"), 1 << 20, 1000, file -> null);
        BufferedImage pixels = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(pixels, "png", png);
        String id = uploads.store(new ByteArrayInputStream(png.toByteArray())).id();
        JobArguments arguments = new JobArguments(catalogue, uploads);
        List<String> off = arguments.of(spec(id, Map.of("--keep-best", "false", "--preserve-colors", "false")),
                dir.resolve("out.png"), false);
        assertThat(off).contains("--no-keep-best").doesNotContain("--keep-best", "--preserve-colors");
        List<String> on = arguments.of(spec(id, Map.of("--keep-best", "true", "--preserve-colors", "true")),
                dir.resolve("out.png"), false);
        assertThat(on).contains("--preserve-colors").doesNotContain("--keep-best", "--no-keep-best");
    }

    private static JobSpec spec(String upload, Map<String, String> options) {
        return new JobSpec(upload, List.of(upload), List.of(), List.of(), null, null, options, 1L, null);
    }

    @Test
    void hostNamesAreReadWithoutTheirPort() {
        assertThat(AccessGuard.hostName("LocalHost:8642")).isEqualTo("localhost");
        assertThat(AccessGuard.hostName("[::1]:8642")).isEqualTo("[::1]");
        assertThat(AccessGuard.hostName("[::1]")).isEqualTo("[::1]");
        assertThat(AccessGuard.hostName("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AccessGuard.hostName(null)).isEmpty();
    }
}
