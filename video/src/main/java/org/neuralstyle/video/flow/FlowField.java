package org.neuralstyle.video.flow;

import java.util.Arrays;

/**
 * A dense optical flow between two frames: for each pixel (x, y) of the frame it belongs to, the
 * displacement (dx, dy) in pixels to where that point is in the other frame. Row-major, one value per pixel.
 */
public record FlowField(int width, int height, float[] dx, float[] dy) {

    public FlowField {
        if (width < 1 || height < 1 || dx.length != width * height || dy.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " flow needs " + width * height
                    + " values per component");
        }
    }

    /** The same displacement everywhere: a camera pan. */
    public static FlowField uniform(int width, int height, float dx, float dy) {
        float[] x = new float[width * height];
        float[] y = new float[width * height];
        Arrays.fill(x, dx);
        Arrays.fill(y, dy);
        return new FlowField(width, height, x, y);
    }

    public float dxAt(int x, int y) {
        return dx[y * width + x];
    }

    public float dyAt(int x, int y) {
        return dy[y * width + x];
    }

    /** Bilinear sample of the flow at a fractional position (clamped to the border). */
    float[] sample(double x, double y) {
        return new float[] {Bilinear.sample(dx, width, height, 1, 0, x, y),
                Bilinear.sample(dy, width, height, 1, 0, x, y)};
    }
}
