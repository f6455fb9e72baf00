package org.neuralstyle.video.flow;

/** Bilinear interpolation in an interleaved row-major array, the border value repeated outside. */
final class Bilinear {

    private Bilinear() {
    }

    static float sample(float[] values, int width, int height, int channels, int channel, double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = (1 - fx) * values[(y0 * width + x0) * channels + channel]
                + fx * values[(y0 * width + x1) * channels + channel];
        double bottom = (1 - fx) * values[(y1 * width + x0) * channels + channel]
                + fx * values[(y1 * width + x1) * channels + channel];
        return (float) ((1 - fy) * top + fy * bottom);
    }

    static boolean inside(int width, int height, double x, double y) {
        return x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1;
    }
}
