package org.neuralstyle.image;

import java.util.List;

/**
 * An image as decoded from a file, with what the decoder said was wrong with the file: a truncated JPEG or a
 * damaged segment decodes with the missing part grey, and the caller should tell the user.
 */
public record DecodedImage(RgbImage image, List<String> damage) {

    public DecodedImage {
        damage = List.copyOf(damage);
    }

    public boolean damaged() {
        return !damage.isEmpty();
    }
}
