package org.neuralstyle.studio;

import org.neuralstyle.image.DecodedImage;
import org.neuralstyle.image.ImageFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The uploaded images and videos, stored under the SHA-256 of their bytes. An upload is read up to the size
 * limit; an image's dimensions are read from the header before anything is decoded (no decompression bombs), then
 * every row of it is decoded, as a run would, averaged down as it goes ({@link #decodeToCheck}); a video is opened
 * and its frames counted by the program's own reader.
 * Only then is it kept. Clients name uploads by that id alone; the user's file name is never part of a path.
 */
final class Uploads {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}\\.(png|jpg|gif|bmp|webp|tif|video)");
    /** Videos keep no extension of their own: the program's reader (FFmpeg) goes by their content. */
    private static final String VIDEO = "video";

    private final Path folder;
    private final long maxBytes;
    private final int maxSide;
    private final Function<Path, JobRunner.VideoSize> videoProbe;

    /** Uploads decoded at once, at most (see {@link #decodeToCheck}). */
    static final int CONCURRENT_CHECKS = 2;
    private static final int CHECK_SIDE = 256;

    private final java.util.concurrent.Semaphore checks = new java.util.concurrent.Semaphore(CONCURRENT_CHECKS, true);

    Uploads(Path folder, long maxBytes, int maxSide, Function<Path, JobRunner.VideoSize> videoProbe) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.maxBytes = maxBytes;
        this.maxSide = maxSide;
        this.videoProbe = videoProbe;
    }

    /** A stored upload: its id, kind (image or video), size in pixels and, for a video, its frame count. */
    record Upload(String id, String kind, int width, int height, int frames) {
    }

    static boolean isVideo(String id) {
        return id != null && id.endsWith("." + VIDEO);
    }

    Upload store(InputStream body) throws IOException {
        Path temp = Files.createTempFile(folder, ".upload", ".part");
        try {
            String sha = copyLimited(body, temp);
            String format = probe(temp);
            if (format == null) {
                return storeVideo(temp, sha);
            }
            DecodedImage decoded = decodeToCheck(temp);
            if (decoded.damaged()) {
                throw ApiError.badRequest("the image is damaged (" + String.join("; ", decoded.damage()) + ")");
            }
            String id = sha + "." + format;
            Path target = folder.resolve(id);
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            int[] size = ImageFiles.dimensions(target);
            return new Upload(id, JobRecord.IMAGE, size[0], size[1], 0);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The whole image decoded, to find damage before a job meets it. The decoded pixels are averaged down to
     * {@link #CHECK_SIDE} before they become floats, so one check holds at most the decoder's 4 bytes a pixel (100 MB
     * at the 25-megapixel limit), and at most {@link #CONCURRENT_CHECKS} run at once: a burst of large uploads waits
     * instead of exhausting the server.
     */
    private DecodedImage decodeToCheck(Path temp) throws IOException {
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.badRequest("the upload was interrupted");
        }
        try {
            return ImageFiles.decode(temp, CHECK_SIDE);
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("the upload is not an image that can be read: " + reason(e).replace(temp + ": ", ""));
        } finally {
            checks.release();
        }
    }

    /** Not an image: a video the program can read, within the size limits, or a 400. */
    private Upload storeVideo(Path temp, String sha) throws IOException {
        JobRunner.VideoSize size = videoProbe.apply(temp);
        if (size == null) {
            throw ApiError.badRequest("the upload is not an image (PNG, JPEG, BMP, GIF, WebP, TIFF) or a video that can be read");
        }
        if (size.width() > maxSide || size.height() > maxSide) {
            throw ApiError.badRequest("the video is " + size.width() + "x" + size.height() + " pixels; this server takes at "
                    + "most " + maxSide + " a side");
        }
        requireFewEnoughPixels("video", size.width(), size.height());
        String id = sha + "." + VIDEO;
        Path target = folder.resolve(id);
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Upload(id, JobRecord.VIDEO, size.width(), size.height(), size.frames());
    }

    /** A 400 for an image (or video frame) of more pixels than the server decodes, read from its header. */
    private static void requireFewEnoughPixels(String what, int width, int height) {
        long pixels = (long) width * height;
        if (pixels > StudioSettings.MAX_IMAGE_PIXELS) {
            throw ApiError.badRequest(String.format(java.util.Locale.ROOT, "the %s is %dx%d pixels (%.1f megapixels); this "
                    + "server takes at most %d megapixels", what, width, height, pixels / 1e6,
                    StudioSettings.MAX_IMAGE_PIXELS / 1_000_000));
        }
    }

    /** The file of an upload id, or a 4xx naming the field; nothing but a well-formed id reaches the disk. */
    Path path(String id, String field) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiError.badRequest(field + ": not an upload id");
        }
        Path file = folder.resolve(id);
        if (!Files.isRegularFile(file)) {
            throw ApiError.notFound(field + ": no upload " + id);
        }
        return file;
    }

    /** Copies at most maxBytes (a 413 beyond), hashing on the way. */
    private String copyLimited(InputStream body, Path temp) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiError(413, "the upload is larger than this server takes ("
                            + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MB" : (maxBytes >> 10) + " KB") + ")");
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ApiError.badRequest("the upload is empty");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * An image's format and size from the header alone: a refusal before decoding what is too big. Null where no
     * image reader knows the file (it may be a video).
     */
    private String probe(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide) {
                    throw ApiError.badRequest("the image is " + width + "x" + height + " pixels; this server takes at most "
                            + maxSide + " a side");
                }
                requireFewEnoughPixels("image", width, height);
                return extension(reader.getFormatName());
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiError api) {
                    throw api;
                }
                throw ApiError.badRequest("the upload is not an image that can be read: " + reason(e));
            } finally {
                reader.dispose();
            }
        }
    }

    private static String extension(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "jpeg", "jpg" -> "jpg";
            case "tiff", "tif" -> "tif";
            case "png", "gif", "bmp", "webp" -> f;
            default -> throw ApiError.badRequest("the upload is a " + format + " image; use PNG, JPEG, BMP, GIF, WebP or TIFF");
        };
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
