package org.neuralstyle.image;

/**
 * The eight EXIF orientations (TIFF tag 274): how to turn stored pixels into the upright picture; and the
 * quarter turns a video's display matrix asks for.
 */
public final class Orientation {

    private Orientation() {
    }

    /** The image turned clockwise by the given number of quarter turns (any integer; 4 is a full turn). */
    public static RgbImage rotatedClockwise(RgbImage image, int quarterTurns) {
        return switch (Math.floorMod(quarterTurns, 4)) {
            case 1 -> apply(image, 6);
            case 2 -> apply(image, 3);
            case 3 -> apply(image, 8);
            default -> image;
        };
    }

    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean transposed = orientation >= 5;
        int outW = transposed ? h : w;
        int outH = transposed ? w : h;
        float[] out = new float[image.pixels().length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                System.arraycopy(image.pixels(), (sy * w + sx) * 3, out, (y * outW + x) * 3, 3);
            }
        }
        return new RgbImage(outW, outH, out);
    }
}
