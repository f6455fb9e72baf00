package org.neuralstyle.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.neuralstyle.io.AtomicFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
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
     * An image file's width and height as it will be read (EXIF orientation applied), from its header alone: nothing
     * is decoded, so a check of many files, or of a huge one, costs neither time nor memory.
     */
    public static int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFormatException(file + ": not an image in a supported format (PNG, JPEG, BMP, GIF, WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // EXIF orientations 5 to 8 turn the picture a quarter: its width is the stored height.
                return exifOrientation(file) >= 5 ? new int[] {height, width} : new int[] {width, height};
            } catch (IOException | RuntimeException e) {
                throw new ImageFormatException(file + ": cannot read the image's size, damaged? (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decodes an image file (PNG, JPEG incl. CMYK, BMP, GIF, WebP), applying its EXIF orientation, and keeps the
     * decoder's warnings: a truncated or corrupt file that still decodes in part comes back with them. A file of
     * which nothing can be decoded is an error.
     */
    public static DecodedImage decode(Path file) throws IOException {
        return decode(file, 0);
    }

    /**
     * {@link #decode(Path)}, for an image that will be used at most {@code longSide} pixels on its long side (0: at
     * full size): one more than twice that size is averaged down by a whole factor on the decoded pixels, before
     * they become floats, so a 24-megapixel photo painted at 512 px holds its 3 bytes a pixel once, not 12 more.
     * The caller resamples the rest of the way from at least twice the size.
     */
    public static DecodedImage decode(Path file, int longSide) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ImageFormatException(file + ": not a readable file");
        }
        List<String> damage = new ArrayList<>();
        BufferedImage image;
        java.util.Optional<java.awt.color.ICC_Profile> profile;
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
                reader.setInput(in, true, false); // metadata kept: a PNG's colour profile is in it
                image = reader.read(0);
                profile = EmbeddedProfile.ofPng(reader.getImageMetadata(0));
            } finally {
                reader.dispose();
            }
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(file + ": cannot decode image, damaged or truncated? (" + e.getMessage() + ")", e);
        }
        image = reduced(image, longSide);
        int orientation = exifOrientation(file);
        float[] alpha = alphaOf(image);
        float[] turnedAlpha = null;
        if (alpha != null) {
            // The same turn as the colours: the alpha as a grey image, turned, its first channel taken.
            turnedAlpha = GreyPlane.of(Orientation.apply(GreyPlane.asImage(alpha, image.getWidth(), image.getHeight()),
                    orientation));
        }
        BufferedImage decoded = image;
        BufferedImage srgb = profile.map(p -> EmbeddedProfile.toSrgb(decoded, p)).orElse(image);
        return new DecodedImage(Orientation.apply(toRgb(srgb, alpha), orientation), damage, turnedAlpha,
                profile.map(EmbeddedProfile::describe).orElse(null));
    }

    /**
     * The image averaged over blocks of n x n pixels, n the largest whole factor that keeps it at least twice
     * {@code longSide}; the image itself where that is 1. An average is a true low-pass (every pixel counts, as
     * in the resize that follows), unlike the decoder's subsampling, which keeps every n-th pixel and aliases:
     * measured on Starry Night at 256 px, 9.2 levels from a full-size resize against 0.9 for the average.
     */
    private static BufferedImage reduced(BufferedImage image, int longSide) {
        int step = longSide <= 0 ? 1 : Math.max(image.getWidth(), image.getHeight()) / (2 * longSide);
        if (step < 2) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int w = (width + step - 1) / step; // a last block of fewer pixels is averaged over those: nothing is cut
        int h = (height + step - 1) / step;
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        long[] sums = new long[w * 4];
        int[] reducedRow = new int[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sums, 0);
            int rows = Math.min(step, height - y * step);
            for (int dy = 0; dy < rows; dy++) {
                image.getRGB(0, y * step + dy, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int argb = row[x];
                    int k = (x / step) * 4;
                    sums[k] += argb >>> 24;
                    sums[k + 1] += (argb >> 16) & 0xff;
                    sums[k + 2] += (argb >> 8) & 0xff;
                    sums[k + 3] += argb & 0xff;
                }
            }
            for (int x = 0; x < w; x++) {
                long n = (long) rows * Math.min(step, width - x * step);
                int k = x * 4;
                reducedRow[x] = (int) ((sums[k] + n / 2) / n) << 24 | (int) ((sums[k + 1] + n / 2) / n) << 16
                        | (int) ((sums[k + 2] + n / 2) / n) << 8 | (int) ((sums[k + 3] + n / 2) / n);
            }
            out.setRGB(0, y, w, 1, reducedRow, 0, w);
        }
        return out;
    }

    /** Per pixel 0..1, or null where the image has no alpha channel or every pixel is opaque. */
    private static float[] alphaOf(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] alpha = new float[argb.length];
        boolean opaque = true;
        for (int i = 0; i < argb.length; i++) {
            int a = argb[i] >>> 24;
            alpha[i] = a / 255f;
            opaque &= a == 255;
        }
        return opaque ? null : alpha;
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

    /** Writes the image (clamped to 0..255) in the format of the file's extension, 8 bits, atomically. */
    public static void write(RgbImage image, Path file) throws IOException {
        write(image, null, file, ImageEncoding.DEFAULT);
    }

    /**
     * Writes the image (clamped to 0..255) in the format of the file's extension, atomically, tagged sRGB, with an
     * alpha channel (per pixel 0..1, or null) where the format holds one (PNG, TIFF); a JPEG or BMP gets the
     * colours alone. 16 bits per channel only in PNG and TIFF.
     */
    public static void write(RgbImage image, float[] alpha, Path file, ImageEncoding encoding) throws IOException {
        String format = formatOf(file);
        if (encoding.bitDepth() == 16 && !holds16Bits(file)) {
            throw new ImageFormatException(file + ": a " + format.toUpperCase(Locale.ROOT)
                    + " file holds 8 bits per channel; use .png or .tif for 16");
        }
        float[] kept = holdsAlpha(file) ? alpha : null;
        BufferedImage picture = kept == null && encoding.bitDepth() == 8 ? toBufferedImage(image)
                : ImageEncoder.withAlpha(image, kept, encoding.bitDepth());
        AtomicFiles.write(file, out -> ImageEncoder.encode(picture, format, encoding, out));
    }

    /** Whether a file of this name can hold 16 bits per channel (PNG, TIFF). */
    public static boolean holds16Bits(Path file) throws ImageFormatException {
        return ImageEncoder.holds16Bits(formatOf(file));
    }

    /** Whether a file of this name can hold an alpha channel (PNG, TIFF). */
    public static boolean holdsAlpha(Path file) throws ImageFormatException {
        return ImageEncoder.holdsAlpha(formatOf(file));
    }

    /** Writes a picture (a plot, say) in the format of the file's extension, atomically. */
    public static void write(BufferedImage image, Path file) throws IOException {
        String format = formatOf(file);
        AtomicFiles.write(file, out -> ImageEncoder.encode(image, format, ImageEncoding.DEFAULT, out));
    }

    /** The ImageIO format name for a file name, or an error naming the unsupported extension. */
    public static String formatOf(Path file) throws ImageFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            case "bmp" -> "bmp";
            default -> throw new ImageFormatException(file + ": unsupported output extension '" + ext
                    + "' (use .png, .jpg, .tif or .bmp)");
        };
    }

    /** The colours, composited on white by the alpha (per pixel 0..1; null: opaque), as a viewer shows them. */
    static RgbImage toRgb(BufferedImage image, float[] alphaPlane) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] pixels = new float[w * h * RgbImage.CHANNELS];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float alpha = alphaPlane == null ? 1 : alphaPlane[i];
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
