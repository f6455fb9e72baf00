package org.neuralstyle.algorithm;

/**
 * Total variation in Java, for a tiled evaluation that never holds the whole image in the graph: the same
 * quantity as {@link TotalVariationTerm} (mean squared vertical plus mean squared horizontal neighbour
 * differences over an RGB image), and its gradient.
 */
final class TotalVariation {

    private TotalVariation() {
    }

    /**
     * The unweighted total variation of the image; adds weight x its gradient into gradientOut (if not null).
     */
    static double of(float[] x, int width, int height, float[] gradientOut, double weight) {
        double verticalCount = (double) (height - 1) * width * 3;
        double horizontalCount = (double) height * (width - 1) * 3;
        double vertical = 0;
        double horizontal = 0;
        for (int y = 0; y < height; y++) {
            for (int xx = 0; xx < width; xx++) {
                for (int c = 0; c < 3; c++) {
                    int i = (y * width + xx) * 3 + c;
                    if (y + 1 < height) {
                        double d = x[i + width * 3] - x[i];
                        vertical += d * d;
                        if (gradientOut != null) {
                            float g = (float) (weight * 2 * d / verticalCount);
                            gradientOut[i + width * 3] += g;
                            gradientOut[i] -= g;
                        }
                    }
                    if (xx + 1 < width) {
                        double d = x[i + 3] - x[i];
                        horizontal += d * d;
                        if (gradientOut != null) {
                            float g = (float) (weight * 2 * d / horizontalCount);
                            gradientOut[i + 3] += g;
                            gradientOut[i] -= g;
                        }
                    }
                }
            }
        }
        return vertical / verticalCount + horizontal / horizontalCount;
    }
}
