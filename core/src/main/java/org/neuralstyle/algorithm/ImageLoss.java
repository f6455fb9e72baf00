package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

import java.util.List;

/**
 * The loss of an image of one size and its gradient, as the optimisers need it: evaluated whole
 * ({@link StyleTransferGraph}) or tile by tile for print sizes ({@link TiledStyleTransferGraph}).
 */
public interface ImageLoss extends AutoCloseable {

    /** Takes the content targets from a content image of this loss's size. */
    void setContent(RgbImage content);

    /** Takes the style targets from the style images (any size), one per blend weight of the loss. */
    void setStyles(List<RgbImage> styles);

    /**
     * The image the optimisation starts from (RGB 0..255, row-major), given before the first evaluation: a loss
     * whose targets depend on the image (neural neighbours) takes them from it; others ignore it.
     */
    default void startFrom(float[] pixels) {
    }

    /** Where the styles are painted (their regions together), or null: everywhere. */
    default StyleRegion painted() {
        return null;
    }

    /** The loss at the image (RGB 0..255, row-major H x W x 3); writes d(total)/d(pixel) into gradientOut if not null. */
    LossTerms evaluate(float[] pixels, float[] gradientOut);

    @Override
    void close();
}
