package org.neuralstyle.models;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The downloader against a local HTTP server (loopback only) that can drop connections and lie. */
class DownloaderTest {

    private static final int SIZE = 300_000;

    @TempDir
    Path dir;

    private final byte[] payload = new byte[SIZE];
    private final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket server;
    private volatile int dropFirstAfter = -1;
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        new Random(1).nextBytes(payload);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "test-http-server");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    /**
     * A minimal HTTP/1.1 server (one request per connection) so the test controls the socket: the JDK's
     * HttpServer keeps a connection open when a fixed-length body is cut short, so it cannot "hang up".
     */
    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                serve(socket);
            } catch (IOException closed) {
                // server stopped, or the client went away
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String range = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("range:")) {
                range = line.substring(6).trim();
            }
        }
        rangeHeaders.add(String.valueOf(range));
        OutputStream out = socket.getOutputStream();
        if (status != 200) {
            out.write(("HTTP/1.1 " + status + " Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
        }
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        String head = (range == null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes "
                + from + "-" + (SIZE - 1) + "/" + SIZE + "\r\n") + "Content-Length: " + (SIZE - from)
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        int end = SIZE;
        if (dropFirstAfter >= 0) {
            end = dropFirstAfter; // send part of the body, then hang up
            dropFirstAfter = -1;
        }
        out.write(payload, from, end - from);
        out.flush();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/weights.h5");
    }

    private Checksum md5(byte[] data) throws Exception {
        return new Checksum("MD5", HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
    }

    @Test
    void downloadsAndVerifies() throws Exception {
        Path target = dir.resolve("cache/weights.h5");
        List<Long> seen = new ArrayList<>();
        new Downloader().download(url(), target, md5(payload), (bytes, total) -> seen.add(total));
        assertThat(Files.readAllBytes(target)).isEqualTo(payload);
        assertThat(dir.resolve("cache/weights.h5.part")).doesNotExist();
        assertThat(seen).isNotEmpty().allMatch(t -> t == SIZE);
    }

    @Test
    void resumesAfterADroppedConnection() throws Exception {
        dropFirstAfter = 100_000;
        Path target = dir.resolve("weights.h5");
        new Downloader().download(url(), target, md5(payload), Downloader.Progress.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(payload);
        assertThat(rangeHeaders).hasSize(2);
        assertThat(rangeHeaders.get(0)).isEqualTo("null");
        assertThat(rangeHeaders.get(1)).isEqualTo("bytes=100000-"); // only the rest was fetched again
    }

    @Test
    void resumesAPartLeftByAnEarlierRun() throws Exception {
        Path target = dir.resolve("weights.h5");
        Files.write(dir.resolve("weights.h5.part"), java.util.Arrays.copyOf(payload, 123_456));
        new Downloader().download(url(), target, md5(payload), Downloader.Progress.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(payload);
        assertThat(rangeHeaders).containsExactly("bytes=123456-");
    }

    @Test
    void rejectsAChecksumMismatchAndLeavesNothing() throws Exception {
        Path target = dir.resolve("weights.h5");
        Checksum wrong = md5("something else".getBytes());
        assertThatThrownBy(() -> new Downloader().download(url(), target, wrong, Downloader.Progress.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("does not match its MD5 checksum");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void reportsAServerError() throws Exception {
        status = 503;
        Path target = dir.resolve("weights.h5");
        assertThatThrownBy(() -> new Downloader().download(url(), target, md5(payload), Downloader.Progress.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP 503").hasMessageContaining(url().toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void cacheFolderFollowsTheEnvironment() {
        Path home = Path.of("/home/ada");
        assertThat(ModelCache.fromEnvironment(java.util.Map.of(), home).directory())
                .isEqualTo(Path.of("/home/ada/.cache/neural-style"));
        assertThat(ModelCache.fromEnvironment(java.util.Map.of("XDG_CACHE_HOME", "/x"), home).directory())
                .isEqualTo(Path.of("/x/neural-style"));
        assertThat(ModelCache.fromEnvironment(java.util.Map.of(ModelCache.ENVIRONMENT_VARIABLE, "/w", "XDG_CACHE_HOME", "/x"),
                home).directory()).isEqualTo(Path.of("/w"));
    }
}
