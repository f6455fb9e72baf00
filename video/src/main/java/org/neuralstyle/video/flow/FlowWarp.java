package org.neuralstyle.video.flow;

import org.neuralstyle.image.RgbImage;

/**
 * Backward warping (Ruder et al. 2016): the previous frame's image brought into the current frame's
 * coordinates. With the backward flow w (current -> previous), warped(p) = previous(p + w(p)), bilinearly
 * interpolated; points that came from outside the previous frame take its border colour (and are masked out
 * of the temporal loss by {@link TemporalMask}).
 */
public final class FlowWarp {

    private FlowWarp() {
    }

    public static RgbImage warp(RgbImage previous, FlowField backward) {
        if (previous.width() != backward.width() || previous.height() != backward.height()) {
            throw new IllegalArgumentException("image is " + previous.width() + "x" + previous.height()
                    + ", flow is " + backward.width() + "x" + backward.height());
        }
        int w = previous.width();
        int h = previous.height();
        float[] src = previous.pixels();
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = x + backward.dxAt(x, y);
                double sy = y + backward.dyAt(x, y);
                int o = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = Bilinear.sample(src, w, h, 3, c, sx, sy);
                }
            }
        }
        return new RgbImage(w, h, out);
    }
}
