package org.neuralstyle.image;

import java.util.List;

/**
 * An image as decoded from a file, with what the decoder said was wrong with the file (a truncated JPEG or a
 * damaged segment decodes with the missing part grey, and the caller should tell the user), the file's alpha
 * channel if it has one (the colours are then composited on white, as a viewer shows them), and the colour
 * profile the pixels were converted from to sRGB, if any.
 *
 * @param alpha          per pixel 0..1, row-major, or null for an opaque image
 * @param convertedFrom  the name of the embedded colour profile applied, or null (sRGB, or none)
 */
public record DecodedImage(RgbImage image, List<String> damage, float[] alpha, String convertedFrom) {

    public DecodedImage {
        damage = List.copyOf(damage);
        if (alpha != null && alpha.length != image.width() * image.height()) {
            throw new IllegalArgumentException("alpha has " + alpha.length + " values for " + image.width() + "x"
                    + image.height() + " pixels");
        }
    }

    public boolean damaged() {
        return !damage.isEmpty();
    }

    public boolean hasAlpha() {
        return alpha != null;
    }
}
