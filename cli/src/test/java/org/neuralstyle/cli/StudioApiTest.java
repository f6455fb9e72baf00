package org.neuralstyle.cli;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralstyle.studio.LocalJobRunner;
import org.neuralstyle.studio.StudioServer;
import org.neuralstyle.studio.StudioSettings;
import org.neuralstyle.testing.SharedData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The studio's JSON API with the real command line behind it: refusals, paths, tokens, the queue. */
class StudioApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private StudioServer server;
    private String base;

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path start(String host, String token, long maxUpload, int maxSide) throws IOException {
        Path data = temp.resolve("data");
        Path squeezenet = BuiltInSqueezeNet.file();
        server = StudioServer.start(new StudioSettings(host, 0, data, token, maxUpload, maxSide),
                new LocalJobRunner(LocalJobRunner.networks(Map.of("squeezenet", squeezenet)), "squeezenet"));
        base = "http://127.0.0.1:" + server.port();
        return data;
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> write(String method, String path, byte[] body) throws Exception {
        return send(method, path, body, "X-Studio", "1", "Content-Type", "application/json");
    }

    private String upload(Path image) throws Exception {
        HttpResponse<String> response = write("POST", "/api/uploads", Files.readAllBytes(image));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private HttpResponse<String> submit(Map<String, Object> spec) throws Exception {
        return write("POST", "/api/jobs", JSON.writeValueAsBytes(spec));
    }

    /** A 4xx whose body is {"error": one line}; the line, for further checks. */
    private static String oneLineError(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        String message = body.get("error").asText();
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("internal");
        return message;
    }

    @Test
    void badUploadsAndBadOptionsGetOneLine4xx() throws Exception {
        Path data = start("127.0.0.1", null, 300_000, 1024);
        assertThat(oneLineError(write("POST", "/api/uploads", "not an image at all".getBytes()), 400))
                .contains("not an image");
        assertThat(oneLineError(write("POST", "/api/uploads", Files.readAllBytes(SharedData.media("content/coffee.png"))), 413))
                .isEqualTo("the upload is larger than this server takes (292 KB)");
        byte[] bigPng = pngOfSize(2000, 20);
        assertThat(oneLineError(write("POST", "/api/uploads", bigPng), 400)).contains("2000x20").contains("1024 a side");
        byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(SharedData.media("content/chelsea.png")), 4000);
        assertThat(write("POST", "/api/uploads", truncated).statusCode()).isEqualTo(400);

        String content = upload(SharedData.media("content/chelsea.png"));
        String style = content; // any image is a style; the others are over this server's limit
        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of(style),
                "options", Map.of("--iterations", "-4"))), 400)).isEqualTo("--iterations must be at least 1, got -4");
        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of(style),
                "options", Map.of("--learning-rate", "fast"))), 400)).contains("--learning-rate").contains("fast");
        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of(style),
                "options", Map.of("--weights", "/etc/passwd"))), 400)).contains("not an option a studio image job can set");
        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of())), 400)).contains("styles");
        assertThat(oneLineError(write("POST", "/api/jobs", "{not json".getBytes()), 400)).contains("JSON");
        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of(style), "preset", "poster")), 400))
                .contains("unknown preset 'poster'");
        // Nothing was queued and no job folder was left behind by the refusals.
        assertThat(JSON.readTree(send("GET", "/api/jobs", null).body())).isEmpty();
        try (Stream<Path> jobs = Files.list(data.resolve("jobs"))) {
            assertThat(jobs).isEmpty();
        }
    }

    @Test
    void namesWithDotDotCannotReadOrWriteOutsideTheDataFolder() throws Exception {
        Path data = start("127.0.0.1", null, 40 << 20, 4096);
        Files.writeString(temp.resolve("secret.txt"), "SECRET-CONTENT");
        Files.writeString(data.resolve("secret.txt"), "SECRET-CONTENT");
        List<String> before = listing(temp);
        String content = upload(SharedData.media("content/chelsea.png"));
        for (String path : List.of("/api/uploads/..%2Fsecret.txt", "/api/uploads/../secret.txt",
                "/api/uploads/..%2F..%2Fsecret.txt", "/api/jobs/..%2F..%2Fsecret.txt/log",
                "/api/jobs/..%2Fuploads/result", "/api/jobs/%2E%2E/log", "/../secret.txt", "/..%2Fsecret.txt")) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("SECRET-CONTENT");
        }
        for (String name : List.of("../secret.txt", "../../secret.txt", "..%2Fsecret.txt", "/etc/passwd", content + "/../x")) {
            HttpResponse<String> response = submit(Map.of("content", name, "styles", List.of(content)));
            assertThat(oneLineError(response, 400)).as(name).contains("content");
            response = submit(Map.of("content", content, "styles", List.of(name)));
            assertThat(oneLineError(response, 400)).as(name).contains("styles");
        }
        assertThat(write("DELETE", "/api/jobs/..%2F..%2Fsecret.txt", null).statusCode()).isBetween(400, 499);
        assertThat(write("POST", "/api/jobs/..%2Fuploads/cancel", null).statusCode()).isBetween(400, 499);
        assertThat(Files.readString(temp.resolve("secret.txt"))).isEqualTo("SECRET-CONTENT");
        assertThat(Files.readString(data.resolve("secret.txt"))).isEqualTo("SECRET-CONTENT");
        assertThat(listing(temp)).isEqualTo(before);
    }

    @Test
    void aServerBeyondLoopbackRefusesWithoutItsToken() throws Exception {
        String token = "0123456789abcdef0123";
        start("0.0.0.0", token, 40 << 20, 4096);
        assertThat(oneLineError(send("GET", "/api/jobs", null), 401)).contains("access token");
        assertThat(oneLineError(send("GET", "/", null), 401)).contains("access token");
        assertThat(send("GET", "/api/jobs", null, "X-Studio-Token", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/jobs", null, "X-Studio-Token", token).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send("GET", "/?token=" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly").contains("SameSite=Strict");
        assertThat(send("GET", "/api/jobs", null, "Cookie", "studio_token=" + token).statusCode()).isEqualTo(200);
        assertThat(server.url()).endsWith("?token=" + token);
        // A write without the anti-forgery header is refused even with the token.
        assertThat(oneLineError(send("POST", "/api/uploads", "x".getBytes(), "X-Studio-Token", token), 403)).contains("X-Studio");
    }

    /**
     * A mask per style: uploads given as the job's masks ("" for everywhere) become --style-masks with the uploads'
     * files; the option itself, which names files on the server, is not one a browser may set.
     */
    @Test
    void aJobPlacesItsStylesWithMaskUploads() throws Exception {
        start("127.0.0.1", null, 40 << 20, 4096);
        String content = upload(SharedData.media("content/chelsea.png"));
        String starry = upload(SharedData.media("style/starry_night.jpg"));
        String scream = upload(SharedData.media("style/the_scream.jpg"));
        Path left = temp.resolve("left.png");
        float[] px = new float[30 * 20 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i / 3) % 30 < 10 ? 255 : 0;
        }
        org.neuralstyle.image.ImageFiles.write(new org.neuralstyle.image.RgbImage(30, 20, px), left);
        String mask = upload(left);
        HttpResponse<String> submitted = submit(Map.of("content", content, "styles", List.of(starry, scream),
                "masks", List.of(mask, ""), "network", "squeezenet", "options", Map.of("--width", "64",
                        "--iterations", "5")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode job = JSON.readTree(submitted.body());
        List<String> arguments = new ArrayList<>();
        job.get("arguments").forEach(a -> arguments.add(a.asText()));
        int at = arguments.indexOf("--style-masks");
        assertThat(at).isPositive();
        assertThat(arguments.get(at + 1)).endsWith(mask + ",all");
        assertThat(awaitFinished(job.get("id").asText()).get("state").asText()).isEqualTo("DONE");

        assertThat(oneLineError(submit(Map.of("content", content, "styles", List.of(starry, scream),
                "masks", List.of(mask), "network", "squeezenet")), 400)).contains("masks: 1 masks for 2 styles");
        assertThat(send("GET", "/api/options", null).body()).doesNotContain("\"name\":\"--style-masks\"")
                .contains("\"name\":\"--regions-from\"");
    }

    /**
     * The painterly preset paints with neural neighbours coarse to fine from 128 px, their own weights with them, and
     * the job finishes (at 64 px wide, one scale); the run's notes are on the job.
     */
    @Test
    void thePainterlyPresetPaintsWithNeuralNeighbours() throws Exception {
        start("127.0.0.1", null, 40 << 20, 4096);
        String content = upload(SharedData.media("content/chelsea.png"));
        String starry = upload(SharedData.media("style/starry_night.jpg"));
        HttpResponse<String> submitted = submit(Map.of("content", content, "styles", List.of(starry),
                "network", "squeezenet", "preset", "painterly", "options", Map.of("--width", "64",
                        "--iterations", "5", "--style-strength", "2")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode job = JSON.readTree(submitted.body());
        List<String> arguments = new ArrayList<>();
        job.get("arguments").forEach(a -> arguments.add(a.asText()));
        assertThat(arguments.get(arguments.indexOf("--style-loss") + 1)).isEqualTo("neighbours");
        assertThat(arguments.get(arguments.indexOf("--coarsest-width") + 1)).isEqualTo("128");
        JsonNode done = awaitFinished(job.get("id").asText());
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        // What the run said reaches the job's card: here that the strength slider cannot act on neighbours alone.
        List<String> notes = new ArrayList<>();
        done.get("notes").forEach(n -> notes.add(n.asText()));
        assertThat(notes).as(done.toString()).anySatisfy(n -> assertThat(n).startsWith("note: --style-strength 2.0"));
    }

    @Test
    void waitingJobsCanBeReorderedAndCancelled() throws Exception {
        start("127.0.0.1", null, 40 << 20, 4096);
        String content = upload(SharedData.media("content/chelsea.png"));
        String style = upload(SharedData.media("style/starry_night.jpg"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = submit(Map.of("content", content, "styles", List.of(style),
                    "network", "squeezenet", "options", Map.of("--width", "96", "--iterations", "3000")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            ids.add(JSON.readTree(response.body()).get("id").asText());
        }
        HttpResponse<String> moved = write("POST", "/api/jobs/" + ids.get(2) + "/move", "{\"position\": 0}".getBytes());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        List<String> waiting = new ArrayList<>();
        for (JsonNode job : JSON.readTree(send("GET", "/api/jobs", null).body())) {
            if (job.get("state").asText().equals("QUEUED")) {
                waiting.add(job.get("id").asText());
            }
        }
        assertThat(waiting).containsExactly(ids.get(2), ids.get(1));
        assertThat(oneLineError(write("POST", "/api/jobs/" + ids.get(2) + "/move", "{\"position\": \"first\"}".getBytes()), 400))
                .contains("position");
        for (String id : List.of(ids.get(1), ids.get(2))) {
            JsonNode cancelled = JSON.readTree(write("POST", "/api/jobs/" + id + "/cancel", null).body());
            assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        }
        write("POST", "/api/jobs/" + ids.get(0) + "/cancel", null);
        JsonNode first = awaitFinished(ids.get(0));
        assertThat(first.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(oneLineError(write("POST", "/api/jobs/" + ids.get(0) + "/cancel", null), 409)).contains("already finished");
        assertThat(write("DELETE", "/api/jobs/" + ids.get(1), null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/jobs/" + ids.get(1), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aVideoJobRunsFrameByFrameAndKeepsItsVideo() throws Exception {
        Path data = start("127.0.0.1", null, 40 << 20, 4096);
        HttpResponse<String> uploaded = write("POST", "/api/uploads", Files.readAllBytes(SharedData.media("video/tree.avi")));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode video = JSON.readTree(uploaded.body());
        assertThat(video.get("kind").asText()).isEqualTo("video");
        assertThat(video.get("frames").asInt()).isPositive();
        String style = upload(SharedData.media("style/starry_night.jpg"));
        assertThat(oneLineError(submit(Map.of("content", style, "styles", List.of(video.get("id").asText()))), 400))
                .contains("a style is an image");
        assertThat(oneLineError(submit(Map.of("content", video.get("id").asText(), "styles", List.of(style),
                "options", Map.of("--frames", "0"))), 400)).contains("--frames");
        assertThat(oneLineError(submit(Map.of("content", style, "styles", List.of(style),
                "options", Map.of("--frames", "3"))), 400)).contains("not an option a studio image job can set");
        HttpResponse<String> submitted = submit(Map.of("content", video.get("id").asText(), "styles", List.of(style),
                "network", "squeezenet", "preset", "print", // print's 16-bit output does not apply to a video
                "options", Map.of("--width", "64", "--frames", "3", "--iterations", "8", "--later-iterations", "4")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode job = awaitFinished(JSON.readTree(submitted.body()).get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("kind").asText()).isEqualTo("video");
        assertThat(job.get("frame").asInt()).isEqualTo(3);
        assertThat(job.get("frames").asInt()).isEqualTo(3);
        assertThat(job.get("arguments").get(0).asText()).isEqualTo("video");
        assertThat(job.get("command").asText()).doesNotContain("--bit-depth");
        Path result = data.resolve("jobs").resolve(job.get("id").asText()).resolve("result.mp4");
        assertThat(result).isRegularFile();
        HttpResponse<String> served = send("GET", "/api/jobs/" + job.get("id").asText() + "/result", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).get().asString().startsWith("video/mp4");
    }

    /**
     * A studio killed outright (kill -9: no shutdown, no final save) 20 s into a job restarts showing the progress
     * its folder had: the job's record and curve are saved with each preview, and the last preview becomes the
     * result. Before, the record on disk stayed at iteration 0 until the job ended.
     */
    @Test
    void aStudioKilledOutrightRestartsWithItsJobsProgress() throws Exception {
        Path data = temp.resolve("data");
        Process studio = childStudio(data);
        String id;
        long startedNanos;
        try {
            String content = upload(SharedData.media("content/chelsea.png"));
            String style = upload(SharedData.media("style/starry_night.jpg"));
            HttpResponse<String> submitted = submit(Map.of("content", content, "styles", List.of(style),
                    "network", "squeezenet", "options", Map.of("--width", "160", "--iterations", "20000")));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            id = JSON.readTree(submitted.body()).get("id").asText();
            startedNanos = System.nanoTime();
            while (!JSON.readTree(send("GET", "/api/jobs/" + id, null).body()).get("job").get("state").asText()
                    .equals("RUNNING")) {
                assertThat(System.nanoTime() - startedNanos).as("the job starts").isLessThan(60_000_000_000L);
                Thread.sleep(100);
            }
            Thread.sleep(20_000);
        } finally {
            studio.destroyForcibly(); // SIGKILL
        }
        assertThat(studio.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // What the folder holds: a record past iteration 0, and a curve to match.
        JsonNode onDisk = JSON.readTree(data.resolve("jobs").resolve(id).resolve("job.json").toFile());
        assertThat(onDisk.get("state").asText()).isEqualTo("RUNNING");
        int iteration = onDisk.get("iteration").asInt();
        assertThat(iteration).as("the iteration saved 20 s into the run").isGreaterThan(20);
        JsonNode curve = JSON.readTree(data.resolve("jobs").resolve(id).resolve("losses.json").toFile());
        assertThat(curve.get(curve.size() - 1).get("iteration").asInt()).isGreaterThanOrEqualTo(iteration);

        start("127.0.0.1", null, 40 << 20, 4096); // the same data folder
        JsonNode restarted = JSON.readTree(send("GET", "/api/jobs/" + id, null).body()).get("job");
        assertThat(restarted.get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(restarted.get("message").asText()).isEqualTo("the server stopped during this job at iteration "
                + iteration + "; the best image then is kept");
        assertThat(restarted.get("hasResult").asBoolean()).isTrue();
        org.neuralstyle.image.RgbImage kept = org.neuralstyle.image.ImageFiles.read(
                data.resolve("jobs").resolve(id).resolve("result.png"));
        org.neuralstyle.image.RgbImage photo = org.neuralstyle.image.Resampling.resize(org.neuralstyle.image.ImageFiles
                .read(SharedData.media("content/chelsea.png")), kept.width(), kept.height());
        assertThat(kept.meanAbsoluteDifference(photo)).as("painted, not the starting photo").isGreaterThan(5);
    }

    /**
     * A studio server in a JVM of its own, on any free port, with the built-in network; {@link #base} set to its
     * address. Its output is drained so it never blocks.
     */
    private Process childStudio(Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--data", data.toString(), "--model", "squeezenet=" + BuiltInSqueezeNet.file()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        builder.environment().put("NEURAL_STYLE_CACHE", temp.resolve("cache").toString());
        Process studio = builder.start();
        studio.getOutputStream().close();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(studio.getInputStream()));
        String line = lines.readLine();
        while (line != null && !line.startsWith("neural-style studio: ")) {
            line = lines.readLine();
        }
        if (line == null) {
            studio.destroyForcibly();
            throw new AssertionError("the studio did not start");
        }
        base = line.substring("neural-style studio: ".length()).replaceAll("/+$", "");
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
        drain.setDaemon(true);
        drain.start();
        return studio;
    }

    /** A process's resident memory (VmRSS) or its peak (VmHWM), in MB, from /proc. */
    private static long residentMb(Process process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new AssertionError(field + " not in /proc status");
    }

    /**
     * A burst of eight large uploads at once and 50 jobs: the server's resident memory stays under 1.5 GB at its
     * peak, and the jobs all finish. Its own size is mostly TensorFlow's native code and the network (about 0.7 GB
     * once a job has run); uploads are decoded two at a time, averaged down as they are decoded.
     */
    @Test
    void aBurstOfFiftyJobsKeepsTheServersMemoryBounded() throws Exception {
        Process studio = childStudio(temp.resolve("data"));
        try {
            long idle = residentMb(studio, "VmRSS");
            // Eight uploads at once of the largest image accepted (5000 x 5000): each decoded whole into floats took
            // 400 MB, so a few at once exhausted the server.
            Path large = temp.resolve("large.png");
            java.awt.image.BufferedImage pattern = new java.awt.image.BufferedImage(5000, 5000,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 5000; y++) {
                for (int x = 0; x < 5000; x++) {
                    pattern.setRGB(x, y, (x * 7 + y * 3) & 0xff);
                }
            }
            javax.imageio.ImageIO.write(pattern, "png", large.toFile());
            pattern = null;
            java.util.concurrent.ExecutorService uploaders = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<String>> uploads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    uploads.add(uploaders.submit(() -> upload(large)));
                }
                for (java.util.concurrent.Future<String> upload : uploads) {
                    assertThat(upload.get()).endsWith(".png");
                }
            } finally {
                uploaders.shutdownNow();
            }
            String content = upload(SharedData.media("content/chelsea.png"));
            String style = upload(SharedData.media("style/starry_night.jpg"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> submitted = submit(Map.of("content", content, "styles", List.of(style),
                        "network", "squeezenet", "options", Map.of("--width", "64", "--iterations", "3",
                                "--seed", String.valueOf(i))));
                assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
                ids.add(JSON.readTree(submitted.body()).get("id").asText());
            }
            for (String id : ids) {
                assertThat(awaitFinished(id).get("state").asText()).isEqualTo("DONE");
            }
            long peak = residentMb(studio, "VmHWM");
            long after = residentMb(studio, "VmRSS");
            System.out.printf("studio resident memory: idle %d MB, peak %d MB, after 50 jobs %d MB%n", idle, peak, after);
            assertThat(peak).as("peak resident MB").isLessThan(1536);
            assertThat(after).isLessThanOrEqualTo(peak);
        } finally {
            studio.destroyForcibly().waitFor();
        }
    }

    private JsonNode awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(send("GET", "/api/jobs/" + id, null).body()).get("job");
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.startsWith(folder.resolve("data"))).map(Path::toString).sorted().toList();
        }
    }

    /**
     * Every error is one line of JSON in the words of the API, naming no Java class or exception and no library's
     * hint: malformed JSON, a field of the wrong type, an empty entry in a list, and paths that the web server itself
     * refuses before the studio sees them (an encoded "..").
     */
    @Test
    void errorsNameNoInternalsAndAreAlwaysJson() throws Exception {
        start("127.0.0.1", null, 40 << 20, 4096);
        String content = upload(SharedData.media("content/chelsea.png"));
        List<HttpResponse<String>> bad = new ArrayList<>();
        bad.add(write("POST", "/api/jobs", "{\"content\": ".getBytes()));
        bad.add(write("POST", "/api/jobs", "{\"content\": [1, 2], \"styles\": []}".getBytes()));
        bad.add(write("POST", "/api/jobs", ("{\"content\": \"" + content + "\", \"styles\": [\"" + content
                + "\"], \"styleWeights\": [null]}").getBytes()));
        bad.add(write("POST", "/api/jobs", ("{\"content\": \"" + content + "\", \"styles\": [null]}").getBytes()));
        for (String path : List.of("/api/uploads/..%2Fsecret.txt", "/api/jobs/%2E%2E/log", "/..%2Fsecret.txt",
                "/api/uploads/%00")) {
            bad.add(send("GET", path, null));
        }
        for (HttpResponse<String> response : bad) {
            String where = response.request().method() + " " + response.request().uri() + " -> " + response.body();
            assertThat(response.statusCode()).as(where).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(where).startsWith("application/json");
            String message = JSON.readTree(response.body()).path("error").asText();
            assertThat(message).as(where).isNotBlank().doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("org.neuralstyle").doesNotContain("java.").doesNotContain("`")
                    .doesNotContainIgnoringCase("setFormat").doesNotContain("<html");
        }
    }

    /**
     * 8000 x 8000 black pixels are a PNG of about 190 KB: within the side limit, they would take 1 GB to decode.
     * Refused from the header, before anything is decoded or stored.
     */
    @Test
    void anImageOfTooManyPixelsInASmallFileIsRefusedBeforeDecoding() throws Exception {
        Path data = start("127.0.0.1", null, 1_000_000, 8192);
        byte[] huge = pngOfSize(8000, 8000);
        assertThat(huge.length).isLessThan(400_000);
        assertThat(oneLineError(write("POST", "/api/uploads", huge), 400))
                .isEqualTo("the image is 8000x8000 pixels (64.0 megapixels); this server takes at most 25 megapixels");
        try (java.util.stream.Stream<Path> stored = Files.list(data.resolve("uploads"))) {
            assertThat(stored.filter(p -> !p.getFileName().toString().startsWith(".")).toList()).isEmpty();
        }
    }

    private static byte[] pngOfSize(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", out);
        return out.toByteArray();
    }
}
