package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.testing.SharedData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches on the shared media with the real SqueezeNet: a sweep, a rerun, a broken job, shards, a real Slurm. */
class BatchCommandTest {

    @TempDir
    Path temp;

    /** Two contents and two styles in folders of their own (as a user's folders would be). */
    private Path[] inputs() throws IOException {
        Path contents = Files.createDirectories(temp.resolve("photos"));
        Path styles = Files.createDirectories(temp.resolve("paintings"));
        for (String name : List.of("content/chelsea.png", "content/coffee.png")) {
            Files.copy(SharedData.media(name), contents.resolve(Path.of(name).getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : List.of("style/starry_night.jpg", "style/the_scream.jpg")) {
            Files.copy(SharedData.media(name), styles.resolve(Path.of(name).getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Path[] {contents, styles};
    }

    private List<String> jobOptions() {
        return List.of("--", "--network", "squeezenet", "--weights",
                BuiltInSqueezeNet.file().toString(), "--width", "64",
                "--iterations", "4");
    }

    private List<String> sweepArgs(Path out) throws IOException {
        Path[] in = inputs();
        List<String> args = new ArrayList<>(List.of("batch", "--contents", in[0].toString(), "--styles", in[1].toString(),
                "--sweep", "style-weight=100,2500", "--output-dir", out.toString()));
        args.addAll(jobOptions());
        return args;
    }

    private static List<String> results(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("__")).sorted().toList();
        }
    }

    /**
     * The natural first batch command: --output as a single run names it, a single run's options straight after the
     * batch's own (no --); each result records the job's settings. An option of neither is one line naming it.
     */
    @Test
    void theNaturalFormTakesASingleRunsOptionsAndEachResultCarriesItsSettings() throws IOException {
        Path[] in = inputs();
        Path out = temp.resolve("natural");
        CliRun run = CliRun.of("batch", "--contents", in[0].toString(), "--styles", in[1].toString(), "--output",
                out.toString(), "--width", "64", "--network", "squeezenet", "--iterations", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("batch: 4 run, 0 already done, 0 failed");
        List<String> results = results(out);
        assertThat(results).hasSize(4);
        for (String name : results) {
            assertThat(ImageFiles.read(out.resolve(name)).width()).isEqualTo(64);
            assertThat(org.neuralstyle.image.EmbeddedSettings.read(out.resolve(name)).orElseThrow())
                    .contains("--width 64").contains("--iterations 3").contains("--network squeezenet");
        }

        CliRun wrong = CliRun.of("batch", "--contents", in[0].toString(), "--styles", in[1].toString(), "--output",
                temp.resolve("never").toString(), "--widht", "64");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err().lines().toList()).hasSize(1);
        assertThat(wrong.err()).contains("--widht is not an option of batch, nor of a single run");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    /**
     * A job file with an option the program does not know: that job is refused with the program's own words, before
     * any job is painted (before, the good jobs ran first, and the unknown option was taken for a style file:
     * "--colour: file not found").
     */
    @Test
    void aJobWithAnUnknownOptionIsRefusedInTheProgramsWordsBeforeAnyIsPainted() throws IOException {
        Path[] in = inputs();
        Path jobs = temp.resolve("jobs.yaml");
        Files.writeString(jobs, """
                output: results
                options:
                  network: squeezenet
                  width: 64
                  iterations: 2
                jobs:
                  - content: %s
                    styles: [%s]
                  - content: %s
                    styles: [%s]
                    options:
                      colour: content-histogram
                """.formatted(in[0].resolve("chelsea.png"), in[1].resolve("starry_night.jpg"),
                in[0].resolve("coffee.png"), in[1].resolve("starry_night.jpg")));
        CliRun run = CliRun.of("batch", jobs.toString());
        assertThat(run.exitCode()).isNotZero();
        List<String> lines = run.out().lines().toList();
        int refused = -1;
        int painted = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains("failed: Unknown option")) {
                refused = k;
            }
            if (lines.get(k).contains(": done in ")) {
                painted = k;
            }
        }
        assertThat(refused).as(run.out()).isNotNegative();
        assertThat(painted).as(run.out()).isGreaterThan(refused);
        assertThat(lines.get(refused)).contains("'--colour'").doesNotContain("file not found");
    }

    @Test
    void aSweepFinishesARerunDoesNoWorkAndTheContactSheetHasEveryCell() throws IOException {
        Path out = temp.resolve("out");
        List<String> args = sweepArgs(out);
        CliRun first = CliRun.of(args.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("batch: 8 run, 0 already done, 0 failed");
        List<String> results = results(out);
        assertThat(results).hasSize(8).allMatch(n -> n.endsWith(".png"))
                .anyMatch(n -> n.startsWith("chelsea__starry_night__style-weight-100-"))
                .anyMatch(n -> n.startsWith("coffee__the_scream__style-weight-2500-"));

        Map<String, FileTime> written = new TreeMap<>();
        for (String name : results) {
            written.put(name, Files.getLastModifiedTime(out.resolve(name)));
        }
        CliRun rerun = CliRun.of(args.toArray(String[]::new));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("batch: 0 run, 8 already done, 0 failed");
        for (String name : results) {
            assertThat(Files.getLastModifiedTime(out.resolve(name))).as(name).isEqualTo(written.get(name));
        }

        // The contact sheet: 4 rows (content x style) by 2 columns (the swept weights), every cell a picture.
        JsonNode cells = new ObjectMapper().readTree(out.resolve("contact-sheet.json").toFile());
        assertThat(cells).hasSize(8);
        Set<String> places = new HashSet<>();
        cells.forEach(c -> places.add(c.get("row").asInt() + "," + c.get("column").asInt()));
        assertThat(places).hasSize(8);
        assertThat(cells.findValuesAsText("state")).containsOnly("DONE");
        BufferedImage sheet = ImageIO.read(out.resolve("contact-sheet.png").toFile());
        int cellWidth = 240 + 8;
        int cellHeight = 240 + 36 + 8;
        assertThat(sheet.getWidth()).isEqualTo(8 + 2 * cellWidth);
        assertThat(sheet.getHeight()).isEqualTo(8 + 4 * cellHeight);
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 2; column++) {
                assertThat(distinctColours(sheet, 8 + column * cellWidth, 8 + row * cellHeight))
                        .as("cell " + row + "," + column).isGreaterThan(100);
            }
        }
        assertThat(Files.readString(out.resolve("summary.txt"))).startsWith("8 jobs: 8 done, 0 failed, 0 not done");
    }

    @Test
    void aBrokenJobIsReportedAndTheOthersFinish() throws IOException {
        Path[] in = inputs();
        Files.writeString(in[0].resolve("broken.png"), "not a picture");
        Path jobFile = temp.resolve("jobs.yaml");
        Files.writeString(jobFile, """
                output: results
                options:
                  network: squeezenet
                  weights: %s
                  width: 64
                  iterations: 4
                contents: [photos]
                styles: paintings/starry_night.jpg
                jobs:
                  - content: photos/chelsea.png
                    styles: [paintings/starry_night.jpg, paintings/the_scream.jpg]
                    options: {style-blend-weights: [0.3, 0.7]}
                """.formatted(BuiltInSqueezeNet.file()));
        CliRun run = CliRun.of("batch", jobFile.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        Path out = temp.resolve("results");
        assertThat(results(out)).hasSize(3).anyMatch(n -> n.startsWith("chelsea__starry_night+the_scream-"));
        assertThat(run.out()).contains("broken__starry_night-").contains("failed: ").contains("batch: 3 run, 0 already done, 1 failed");
        String error = run.err().lines().filter(l -> l.contains("broken__")).findFirst().orElseThrow();
        assertThat(error).contains("broken.png").doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("summary.txt"))).startsWith("4 jobs: 3 done, 1 failed, 0 not done");
        // The contact sheet has the failed cell too, saying so.
        JsonNode cells = new ObjectMapper().readTree(out.resolve("contact-sheet.json").toFile());
        assertThat(cells.findValuesAsText("state")).containsExactlyInAnyOrder("DONE", "DONE", "DONE", "FAILED");
    }

    @Test
    void aBadJobFileIsOneLineNamingItsKey() throws IOException {
        Path jobFile = temp.resolve("jobs.yaml");
        Files.writeString(jobFile, "output: out\ncontents: [x.png]\nstyles: [y.jpg]\nswep: {style-weight: [1, 2]}\n");
        CliRun run = CliRun.of("batch", jobFile.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("neural-style: " + jobFile + ": unknown key 'swep' (use contents, jobs, "
                + "options, output, styles, sweep)");
        Files.writeString(jobFile, "output: out\ncontents: [missing.png]\nstyles: [y.jpg]\n");
        run = CliRun.of("batch", jobFile.toString());
        assertThat(run.err().strip()).isEqualTo("neural-style: contents " + temp.resolve("missing.png")
                + ": no such file or folder");
        run = CliRun.of("batch", "--contents", temp.toString(), "--styles", temp.toString(), "--shard", "3/3");
        assertThat(run.err().strip()).contains("--shard: K/N needs 0 <= K < N, got 3/3");
    }

    @Test
    void threeShardsInSeparateProcessesMakeExactlyTheSingleRunsSetWithoutOverlap() throws Exception {
        Path single = temp.resolve("single");
        CliRun whole = CliRun.of(sweepArgs(single).toArray(String[]::new));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Path sharded = temp.resolve("sharded");
        List<String> args = sweepArgs(sharded);
        List<Process> processes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<String> command = new ArrayList<>(program());
            command.addAll(args.subList(0, args.indexOf("--")));
            command.addAll(List.of("--shard", k + "/3"));
            command.addAll(args.subList(args.indexOf("--"), args.size()));
            processes.add(new ProcessBuilder(command).redirectError(temp.resolve("shard" + k + ".err").toFile())
                    .redirectOutput(temp.resolve("shard" + k + ".log").toFile()).start());
        }
        List<Set<String>> ran = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            assertThat(processes.get(k).waitFor(300, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(temp.resolve("shard" + k + ".log"), StandardCharsets.UTF_8);
            assertThat(processes.get(k).exitValue()).as(log + Files.readString(temp.resolve("shard" + k + ".err"))).isZero();
            Set<String> done = new HashSet<>();
            log.lines().filter(l -> l.contains(": done in ")).forEach(l -> done.add(l.replaceFirst("^.*\\] ", "").replaceFirst(":.*", "")));
            ran.add(done);
        }
        assertThat(ran.get(0).size() + ran.get(1).size() + ran.get(2).size()).isEqualTo(8);
        Set<String> union = new HashSet<>();
        ran.forEach(union::addAll);
        assertThat(union).hasSize(8); // no job ran twice
        assertThat(results(sharded)).isEqualTo(results(single)).containsExactlyInAnyOrderElementsOf(union);
        CliRun collected = CliRun.of(append(args, "--collect"));
        assertThat(collected.out()).contains("8 jobs: 8 done, 0 failed, 0 not done");
    }

    @Test
    void aSlurmJobArrayRunsTheBatchAndCollectsIt() throws Exception {
        requireSlurm();
        Path[] in = inputs();
        Path out = temp.resolve("slurm-out");
        List<String> args = new ArrayList<>(List.of("batch", "--contents", in[0].toString(), "--styles", in[1].toString(),
                "--output-dir", out.toString(), "--submit", "slurm", "--shards", "4", "--cpus", "1"));
        args.addAll(jobOptions());
        CliRun submitted = CliRun.of(args.toArray(String[]::new));
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(submitted.out()).containsPattern("submitted Slurm array job \\d+ \\(4 parts, 1 cores and \\d+ MB each");
        String script = Files.readString(out.resolve(".batch/slurm-array.sh"));
        assertThat(script).contains("#SBATCH --array=0-3").contains("#SBATCH --cpus-per-task=1").containsPattern("#SBATCH --mem=\\d+M");
        // The collecting job runs after the array: its summary says every job is done.
        Path summary = out.resolve("summary.json");
        Path lastWritten = out.resolve("contact-sheet.json"); // the collecting job's last file: it has ended
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (!Files.exists(lastWritten) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(summary).as("the collect job's summary (logs in " + out.resolve(".batch") + ")").exists();
        assertThat(results(out)).hasSize(4);
        assertThat(Files.readString(out.resolve("summary.txt"))).startsWith("4 jobs: 4 done, 0 failed, 0 not done");
        try (Stream<Path> logs = Files.list(out.resolve(".batch"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.matches("slurm-\\d+_\\d\\.out"))).hasSize(4);
        }
    }

    private static void requireSlurm() throws Exception {
        boolean up;
        try {
            Process sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%t").redirectErrorStream(true).start();
            up = sinfo.waitFor(20, TimeUnit.SECONDS) && sinfo.exitValue() == 0
                    && new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("idle");
        } catch (IOException e) {
            up = false;
        }
        if (!up) {
            String reason = "no Slurm answers here (.ci/slurm-up starts one: apt-get install slurm-wlm munge first)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason + "; .ci/run starts it");
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private static String[] append(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args.subList(0, args.indexOf("--")));
        all.add(extra);
        all.addAll(args.subList(args.indexOf("--"), args.size()));
        return all.toArray(String[]::new);
    }

    private static List<String> program() {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
    }

    private static int distinctColours(BufferedImage image, int x0, int y0) {
        Set<Integer> colours = new HashSet<>();
        for (int y = y0; y < y0 + 240; y += 3) {
            for (int x = x0; x < x0 + 240; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
