package org.neuralstyle.models;

import org.neuralstyle.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Fetches a file over HTTP(S) into a {@code .part} file beside the target, resuming a partial download with a
 * Range request, and moving it into place only when the checksum of the whole file matches (hashed after the
 * transfer, so a part carried over from an earlier run is covered too). A mismatch
 * deletes the partial file: nothing unverified is ever left where the program would use it.
 */
public final class Downloader {

    /** Told how many bytes have arrived, of how many (-1 if unknown). */
    public interface Progress {
        void update(long bytes, long total);

        Progress NONE = (bytes, total) -> { };
    }

    private static final int ATTEMPTS = 3;

    private final HttpClient client;

    /**
     * Through the proxy Java is told of (-Dhttps.proxyHost/-Dhttps.proxyPort, or the system's with
     * -Djava.net.useSystemProxies=true in NEURAL_STYLE_JAVA_OPTS): an HttpClient uses none unless given a selector.
     */
    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).proxy(ProxySelector.getDefault())
                .connectTimeout(Duration.ofSeconds(20)).build());
    }

    public Downloader(HttpClient client) {
        this.client = client;
    }

    /** Downloads url to target (verified against checksum); retries, resuming, after dropped connections. */
    public void download(URI url, Path target, Checksum checksum, Progress progress) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = dir.resolve(target.getFileName() + ".part");
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                fetch(url, part, progress);
                last = null;
                break;
            } catch (DownloadException e) {
                throw e; // the server said no: retrying will not help
            } catch (IOException e) {
                last = e; // dropped connection: go on from what has arrived
            }
        }
        if (last != null) {
            long kept = Files.exists(part) ? Files.size(part) : 0;
            throw new DownloadException("download of " + url + " failed after " + ATTEMPTS + " attempts ("
                    + describe(last) + ")" + (kept > 0 ? "; " + kept + " bytes kept in " + part + " to resume" : ""), last);
        }
        if (!checksum.matches(part)) {
            Files.deleteIfExists(part);
            throw new DownloadException("download of " + url + " does not match its " + checksum.algorithm()
                    + " checksum (expected " + checksum.hex() + "); the file was deleted");
        }
        AtomicFiles.moveIntoPlace(part, target);
    }

    private void fetch(URI url, Path part, Progress progress) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("download of " + url + " interrupted", e);
        }
        int status = response.statusCode();
        boolean resumed = status == 206;
        if (status == 416 && have > 0) {
            response.body().close();
            return; // the part file is already complete
        }
        if (status != 200 && !resumed) {
            response.body().close();
            throw new DownloadException("download of " + url + " failed: the server answered HTTP " + status);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long total = length < 0 ? -1 : (resumed ? have : 0) + length;
        StandardOpenOption mode = resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long written = resumed ? have : 0;
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                written += n;
                progress.update(written, total);
            }
        }
        if (total >= 0 && written < total) {
            throw new IOException("connection closed after " + written + " of " + total + " bytes");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
                || e.getCause() instanceof java.net.UnknownHostException) {
            return "no connection to the server: offline?";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the server did not answer in time";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
