package org.neuralstyle.image;

/**
 * How an image file is written: 8 or 16 bits per channel (16 in PNG and TIFF only, for prints, where 8 bits band
 * in smooth gradients after editing), the JPEG quality, and the settings that made the picture ({@link
 * EmbeddedSettings}; null for none). Every file written is tagged sRGB.
 */
public record ImageEncoding(int bitDepth, float jpegQuality, String settings) {

    /** 8 bits, JPEG at quality 0.95. */
    public static final ImageEncoding DEFAULT = new ImageEncoding(8, 0.95f);

    public ImageEncoding(int bitDepth, float jpegQuality) {
        this(bitDepth, jpegQuality, null);
    }

    /** The same encoding, carrying these settings in the file. */
    public ImageEncoding withSettings(String text) {
        return new ImageEncoding(bitDepth, jpegQuality, text);
    }

    public ImageEncoding {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be above 0 and at most 1, got " + jpegQuality);
        }
    }
}
