package org.neuralstyle.studio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    @Test
    void hostNamesAreReadWithoutTheirPort() {
        assertThat(AccessGuard.hostName("LocalHost:8642")).isEqualTo("localhost");
        assertThat(AccessGuard.hostName("[::1]:8642")).isEqualTo("[::1]");
        assertThat(AccessGuard.hostName("[::1]")).isEqualTo("[::1]");
        assertThat(AccessGuard.hostName("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AccessGuard.hostName(null)).isEmpty();
    }
}
