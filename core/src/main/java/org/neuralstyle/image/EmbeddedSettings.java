package org.neuralstyle.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.png.PngDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings that made a picture, carried inside the picture file in each format's own place for text, where
 * common tools show them (exiftool, identify -verbose, a browser's image info):
 * <ul>
 *   <li>PNG: an iTXt chunk with the keyword {@value #KEYWORD} (PNG 1.2, section 4.2.3.3);</li>
 *   <li>JPEG: a COM segment (JPEG, ITU T.81, B.2.4.5), the text starting with the keyword and a colon;</li>
 *   <li>TIFF: the ImageDescription tag (270; TIFF 6.0, ASCII), likewise.</li>
 * </ul>
 * COM and ImageDescription are bytes without a declared character set, so the text is kept to ASCII: other
 * characters are written as {@code \}{@code uXXXX} and read back. They are read here with metadata-extractor, a
 * reader independent of the ImageIO writers that put them there.
 */
public final class EmbeddedSettings {

    /** The PNG keyword, and the prefix of the JPEG comment and TIFF description. */
    public static final String KEYWORD = "neural-style";
    private static final String PREFIX = KEYWORD + ":\n";

    private EmbeddedSettings() {
    }

    /** The text as stored in a JPEG comment or TIFF description: prefixed, ASCII. */
    static String asComment(String text) {
        return PREFIX + ascii(text);
    }

    /** Non-ASCII characters (and backslashes) as Java-style escapes, so that any reader gets the same bytes. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x80 || (c < 0x20 && c != '\n' && c != '\t')) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The settings carried by a picture file; empty where it carries none (or is not a picture we can read). */
    public static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException e) {
            throw new ImageFormatException(file + ": not a picture file this program reads (" + e.getMessage() + ")");
        }
        for (PngDirectory png : metadata.getDirectoriesOfType(PngDirectory.class)) {
            Object text = png.getObject(PngDirectory.TAG_TEXTUAL_DATA);
            if (text instanceof List<?> pairs) {
                for (Object pair : pairs) {
                    if (pair instanceof KeyValuePair kv && kv.getKey().equals(KEYWORD)) {
                        return Optional.of(unescape(kv.getValue().toString()));
                    }
                }
            }
        }
        Optional<String> comment = prefixed(metadata.getFirstDirectoryOfType(JpegCommentDirectory.class),
                JpegCommentDirectory.TAG_COMMENT);
        if (comment.isPresent()) {
            return comment;
        }
        for (ExifIFD0Directory tiff : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Optional<String> description = prefixed(tiff, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION);
            if (description.isPresent()) {
                return description;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> prefixed(Directory directory, int tag) {
        String text = directory == null ? null : directory.getString(tag);
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(unescape(text.substring(PREFIX.length())));
    }
}
