package org.neuralstyle.studio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the studio serves: where, from which data folder, and the limits on what it accepts. A server bound to
 * anything but the loopback interface is reachable by others, so it requires an access token.
 *
 * @param token          the access token requests must carry; null on a loopback-only server
 * @param maxUploadBytes the largest upload accepted
 * @param maxImageSide   the largest width or height an uploaded image may have, read before it is decoded
 */
public record StudioSettings(String host, int port, Path dataFolder, String token, long maxUploadBytes,
                             int maxImageSide) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8642;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 40L << 20;
    public static final int DEFAULT_MAX_IMAGE_SIDE = 8192;

    /**
     * The most pixels an uploaded image or video frame may have, whatever its sides: a few hundred kilobytes of PNG can
     * hold 8000 x 8000 pixels, which take 1 GB to decode as floats. 25 megapixels (a 6000 x 4000 camera photo) decode
     * in at most about 400 MB (4 bytes a pixel decoded, 12 as floats).
     */
    public static final long MAX_IMAGE_PIXELS = 25_000_000;

    public StudioSettings {
        Objects.requireNonNull(dataFolder, "dataFolder");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host: must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: must be 0 to 65535, got " + port);
        }
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("--max-upload: must be positive");
        }
        if (maxImageSide < 16) {
            throw new IllegalArgumentException("--max-image-side: must be at least 16, got " + maxImageSide);
        }
        if (!isLoopback(host) && (token == null || token.length() < 16)) {
            throw new IllegalArgumentException("--host " + host + ": a server reachable from other machines needs "
                    + "an access token of at least 16 characters");
        }
    }

    /** Whether only this machine can reach the address (127.x, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown address");
        }
    }

    public boolean requiresToken() {
        return !isLoopback(host);
    }
}
