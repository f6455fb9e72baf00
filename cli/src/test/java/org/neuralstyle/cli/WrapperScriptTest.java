package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code neural-style} script: it rebuilds when any module changed, and it keeps TensorFlow's native
 * start-up logging off the terminal unless --verbose, while the program's own messages get through.
 */
class WrapperScriptTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> command, Path pathPrefix) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (pathPrefix != null) {
            builder.environment().put("PATH", pathPrefix + ":" + System.getenv("PATH"));
        }
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + text + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * The real script in a project tree of fakes: a Maven wrapper that records builds, and a java that logs to
     * descriptor 2 as TensorFlow's native code does and writes its messages to System.err as the program does.
     */
    @Test
    void rebuildsWhenAnyModuleChangedAndHidesNativeNoiseUnlessVerbose() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(Path.of("..", "neural-style"), project.resolve("neural-style"));
        script(project.resolve("mvnw"), "echo built >> \"$(dirname \"$0\")/builds.log\"; touch cli/target/neural-style.jar");
        Path jar = Files.createDirectories(project.resolve("cli/target")).resolve("neural-style.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        Path videoSource = Files.createDirectories(project.resolve("video/src/main/java")).resolve("Frames.java");
        Files.writeString(videoSource, "class Frames {}");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("java"), "echo \"args: $*\"; echo 'I0000 mlir_graph_optimization_pass.cc] native noise' >&2; "
                + "if [ -n \"$(echo \"$*\" | grep stderrFd=3)\" ]; then echo 'neural-style: program message' >&3; "
                + "else echo 'neural-style: program message' >&2; fi");
        List<String> command = List.of("sh", project.resolve("neural-style").toString(), "--version");

        Run first = run(command, bin);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Files.readAllLines(project.resolve("builds.log"))).containsExactly("built");
        assertThat(first.err()).contains("neural-style: program message").doesNotContain("native noise");

        Run again = run(command, bin);
        assertThat(Files.readAllLines(project.resolve("builds.log"))).as("nothing changed: no build").hasSize(1);
        assertThat(again.out()).contains("-Dneuralstyle.stderrFd=3");

        Run verbose = run(List.of("sh", project.resolve("neural-style").toString(), "--verbose"), bin);
        assertThat(verbose.err()).contains("native noise").contains("program message");
    }

    /** The real program started as the script starts it: no TensorFlow start-up lines, its own lines intact. */
    @Test
    void theProgramsMessagesReachTheTerminalWithoutTensorFlowsStartUpLines() throws Exception {
        Path weights = BuiltInSqueezeNet.file();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String program = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' ";
        String stylize = Main.class.getName() + " --network squeezenet --weights '" + weights + "' --content '"
                + SharedData.media("content/chelsea.png") + "' --styles '" + SharedData.media("style/starry_night.jpg")
                + "' --output '" + dir.resolve("out.png") + "' --width 64 --iterations 1 --styles '" + dir.resolve("missing.png") + "'";
        // Control: started plainly, TensorFlow's native code does print its start-up lines.
        Run plain = run(List.of("bash", "-c", "exec " + program + stylize.replace(" --styles '" + dir.resolve("missing.png") + "'", "")), null);
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("MLIR V1 optimization pass is not enabled");

        String redirected = program + "--add-opens java.base/java.io=ALL-UNNAMED -D" + ProgramStderr.PROPERTY + "=3 ";
        Files.delete(dir.resolve("out.png"));
        Run quiet = run(List.of("bash", "-c", "exec " + redirected
                + stylize.replace(" --styles '" + dir.resolve("missing.png") + "'", "") + " 3>&2 2>/dev/null"), null);
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("MLIR").doesNotContain("absl");
        assertThat(quiet.out()).contains("wrote " + dir.resolve("out.png"));

        Files.delete(dir.resolve("out.png"));
        Run error = run(List.of("bash", "-c", "exec " + redirected + stylize + " 3>&2 2>/dev/null"), null);
        assertThat(error.exit()).isEqualTo(1);
        assertThat(error.err().lines().toList()).hasSize(1);
        assertThat(error.err()).startsWith("neural-style: ").contains("missing.png: file not found");
    }
}
