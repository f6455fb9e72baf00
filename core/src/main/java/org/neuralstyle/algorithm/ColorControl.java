package org.neuralstyle.algorithm;

import org.neuralstyle.image.ColorPreservation;
import org.neuralstyle.image.ColorTransfer;
import org.neuralstyle.image.RgbImage;

import java.util.List;
import java.util.Locale;

/**
 * Whose colours the result has (Gatys et al. 2017, "Controlling Perceptual Factors in Neural Style Transfer"):
 * the style's (the paper's method), the content's through colour histogram matching (the styles recoloured to the
 * content's mean colour and covariance before the run, the result after it), or the content's through luminance-only transfer (the run
 * on luminance alone, then the content's chroma). {@code --preserve-colors}, which swaps the chroma after a normal
 * run, stays a separate option.
 */
public enum ColorControl {
    STYLE, CONTENT_HISTOGRAM, CONTENT_LUMINANCE;

    /** The content image the loss sees. */
    RgbImage content(RgbImage content) {
        return this == CONTENT_LUMINANCE ? ColorTransfer.luminance(content) : content;
    }

    /** The style images the loss sees, prepared against the content. */
    List<StyleImage> styles(List<StyleImage> styles, RgbImage content) {
        return switch (this) {
            case STYLE -> styles;
            case CONTENT_HISTOGRAM -> styles.stream().map(s -> s.withImage(ColorTransfer.matchColors(s.image(), content)))
                    .toList();
            case CONTENT_LUMINANCE -> styles.stream().map(s -> s.withImage(ColorTransfer.luminanceMatched(s.image(),
                    content))).toList();
        };
    }

    /**
     * The finished image: for luminance-only transfer, its luminance with the content's chroma; for histogram
     * matching, recoloured once more to the content's mean colour and covariance, since the optimisation drifts
     * from them (measured on the cat and Starry Night at 384 px: 30 levels brighter, a quarter of the content's
     * colour variance), while a linear recolouring keeps every stroke.
     */
    RgbImage finish(RgbImage result, RgbImage content) {
        return switch (this) {
            case STYLE -> result;
            case CONTENT_HISTOGRAM -> ColorTransfer.matchColors(result, content).clamped();
            case CONTENT_LUMINANCE -> ColorPreservation.keepContentColors(result, content);
        };
    }

    /** The name users give it: style, content-histogram, content-luminance. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ColorControl parse(String name) {
        for (ColorControl c : values()) {
            if (c.optionName().equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colour control '" + name + "' (use style, content-histogram or "
                + "content-luminance)");
    }
}
