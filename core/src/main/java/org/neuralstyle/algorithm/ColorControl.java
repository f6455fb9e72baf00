package org.neuralstyle.algorithm;

import org.neuralstyle.image.ColorPreservation;
import org.neuralstyle.image.ColorTransfer;
import org.neuralstyle.image.PaletteTransfer;
import org.neuralstyle.image.RgbImage;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Whose colours the result has (Gatys et al. 2017, "Controlling Perceptual Factors in Neural Style Transfer"):
 * the style's (the paper's method), the content's through colour histogram matching (the styles recoloured to the
 * content's mean colour and covariance before the run, the result after it), the content's through luminance-only
 * transfer (the run on luminance alone, then the content's chroma); or, as Neural Neighbor Style Transfer finishes
 * (Kolkin et al. 2022), the content's colour layout moved onto the style's palette under the result's strokes
 * ({@link PaletteTransfer}). {@code --preserve-colors}, which swaps the chroma after a normal run, stays a separate
 * option.
 */
public enum ColorControl {
    STYLE, CONTENT_HISTOGRAM, CONTENT_LUMINANCE, PALETTE;

    /** The content image the loss sees. */
    RgbImage content(RgbImage content) {
        return this == CONTENT_LUMINANCE ? ColorTransfer.luminance(content) : content;
    }

    /** The style images the loss sees, prepared against the content. */
    List<StyleImage> styles(List<StyleImage> styles, RgbImage content) {
        return switch (this) {
            case STYLE, PALETTE -> styles;
            case CONTENT_HISTOGRAM -> styles.stream().map(s -> s.withImage(ColorTransfer.matchColors(s.image(), content)))
                    .toList();
            case CONTENT_LUMINANCE -> styles.stream().map(s -> s.withImage(ColorTransfer.luminanceMatched(s.image(),
                    content))).toList();
        };
    }

    /**
     * How a result is finished, for a run on this content with these styles: for luminance-only transfer, its luminance with the content's chroma; for histogram
     * matching, recoloured once more to the content's mean colour and covariance, since the optimisation drifts
     * from them (measured on the cat and Starry Night at 384 px: 30 levels brighter, a quarter of the content's
     * colour variance), while a linear recolouring keeps every stroke; for the palette, its colour step.
     */
    UnaryOperator<RgbImage> finish(RgbImage content, List<StyleImage> styles) {
        return switch (this) {
            case STYLE -> result -> result;
            case CONTENT_HISTOGRAM -> result -> ColorTransfer.matchColors(result, content).clamped();
            case CONTENT_LUMINANCE -> result -> ColorPreservation.keepContentColors(result, content);
            case PALETTE -> result -> PaletteTransfer.apply(result, content,
                    styles.stream().map(StyleImage::image).toList(),
                    styles.stream().mapToDouble(StyleImage::blendWeight).toArray());
        };
    }

    /** The name users give it: style, content-histogram, content-luminance, palette. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ColorControl parse(String name) {
        for (ColorControl c : values()) {
            if (c.optionName().equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colour control '" + name + "' (use style, content-histogram, "
                + "content-luminance or palette)");
    }
}
