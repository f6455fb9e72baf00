package org.neuralstyle.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.neuralstyle.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes image files. Reading applies the EXIF orientation (phones store portraits rotated);
 * writing is atomic: a reader never sees a half-written file, and an interrupted write leaves nothing.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The image of a file, EXIF rotation applied; damage the decoder reported is dropped (see {@link #decode}). */
    public static RgbImage read(Path file) throws IOException {
        return decode(file).image();
    }

    /**
     * Decodes an image file (PNG, JPEG incl. CMYK, BMP, GIF, WebP), applying its EXIF orientation, and keeps the
     * decoder's warnings: a truncated or corrupt file that still decodes in part comes back with them. A file of
     * which nothing can be decoded is an error.
     */
    public static DecodedImage decode(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ImageFormatException(file + ": not a readable file");
        }
        List<String> damage = new ArrayList<>();
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                if (isHeif(file)) {
                    // No maintained pure-Java HEIF decoder exists (TwelveMonkeys issue #440; NightMonkeys wraps
                    // native libheif and needs Java 22).
                    throw new ImageFormatException(file + ": HEIC/HEIF images cannot be read; convert it to JPEG or PNG "
                            + "first (phones can share photos as JPEG)");
                }
                throw new ImageFormatException(file + ": not an image in a supported format (PNG, JPEG, BMP, GIF, WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.addIIOReadWarningListener((source, warning) -> damage.add(warning));
                reader.setInput(in, true, true);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(file + ": cannot decode image, damaged or truncated? (" + e.getMessage() + ")", e);
        }
        return new DecodedImage(Orientation.apply(toRgb(image), exifOrientation(file)), damage);
    }

    /** HEIF files (iPhone photos) are ISO media files whose first box is 'ftyp' with a HEIF brand. */
    private static boolean isHeif(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) {
                return false;
            }
        }
        String box = new String(head, 4, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
        return box.startsWith("ftyp") && List.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif")
                .contains(box.substring(4));
    }

    /** Writes the image (clamped to 0..255) in the format of the file's extension, atomically. */
    public static void write(RgbImage image, Path file) throws IOException {
        write(toBufferedImage(image), file);
    }

    /** Writes a picture (a plot, say) in the format of the file's extension, atomically. */
    public static void write(BufferedImage image, Path file) throws IOException {
        String format = formatOf(file);
        AtomicFiles.write(file, out -> encode(image, format, out));
    }

    /** The ImageIO format name for a file name, or an error naming the unsupported extension. */
    public static String formatOf(Path file) throws ImageFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpeg";
            case "bmp" -> "bmp";
            default -> throw new ImageFormatException(file + ": unsupported output extension '" + ext
                    + "' (use .png, .jpg or .bmp)");
        };
    }

    private static void encode(BufferedImage image, String format, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new ImageFormatException("no image writer for format " + format);
        }
        ImageWriter writer = writers.next();
        // In memory, not ImageIO's file cache: that registers a delete-on-exit hook, which fails while the JVM
        // shuts down, and an interrupted run writes its best image exactly then.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.95f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] pixels = new float[w * h * RgbImage.CHANNELS];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            // Transparent pixels are composited on white, as a viewer shows them.
            float alpha = ((p >>> 24) & 0xff) / 255f;
            float white = 255f * (1 - alpha);
            pixels[3 * i] = ((p >> 16) & 0xff) * alpha + white;
            pixels[3 * i + 1] = ((p >> 8) & 0xff) * alpha + white;
            pixels[3 * i + 2] = (p & 0xff) * alpha + white;
        }
        return new RgbImage(w, h, pixels);
    }

    public static BufferedImage toBufferedImage(RgbImage image) {
        int w = image.width();
        int h = image.height();
        float[] px = image.pixels();
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (toByte(px[3 * i]) << 16) | (toByte(px[3 * i + 1]) << 8) | toByte(px[3 * i + 2]);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int exifOrientation(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // No readable metadata: the pixels are shown as stored.
        }
        return 1;
    }
}
