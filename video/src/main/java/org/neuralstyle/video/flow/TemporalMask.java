package org.neuralstyle.video.flow;

/**
 * Where the temporal loss may hold a pixel to the warped previous frame (Ruder et al. 2016, section 3.2):
 * weight 1, except 0 where
 * <ul>
 * <li>the flow leaves the previous frame (the point came into view),</li>
 * <li>the forward and backward flows disagree, a disocclusion: |w + w~|^2 > 0.01 (|w|^2 + |w~|^2) + 0.5, with w
 * the backward flow and w~(p) the forward flow at p + w(p),</li>
 * <li>or at a motion boundary: |grad u|^2 + |grad v|^2 > 0.01 |w|^2 + 0.002 for the backward flow w = (u, v).</li>
 * </ul>
 */
public final class TemporalMask {

    private TemporalMask() {
    }

    /** One weight (0 or 1) per pixel of the current frame, row-major. */
    public static float[] of(FlowField backward, FlowField forward) {
        int w = backward.width();
        int h = backward.height();
        if (forward.width() != w || forward.height() != h) {
            throw new IllegalArgumentException("backward and forward flows differ in size");
        }
        float[] mask = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float u = backward.dxAt(x, y);
                float v = backward.dyAt(x, y);
                double px = x + u;
                double py = y + v;
                boolean keep = Bilinear.inside(w, h, px, py)
                        && consistent(u, v, forward.sample(px, py))
                        && !motionBoundary(backward, x, y, u, v);
                mask[y * w + x] = keep ? 1 : 0;
            }
        }
        return mask;
    }

    private static boolean consistent(float u, float v, float[] back) {
        double su = u + back[0];
        double sv = v + back[1];
        double lhs = su * su + sv * sv;
        double rhs = 0.01 * (u * u + v * v + back[0] * back[0] + back[1] * back[1]) + 0.5;
        return lhs <= rhs;
    }

    /** Central differences of both flow components (one-sided at the border). */
    private static boolean motionBoundary(FlowField flow, int x, int y, float u, float v) {
        int w = flow.width();
        int h = flow.height();
        int xl = Math.max(0, x - 1);
        int xr = Math.min(w - 1, x + 1);
        int yt = Math.max(0, y - 1);
        int yb = Math.min(h - 1, y + 1);
        double dudx = (flow.dxAt(xr, y) - flow.dxAt(xl, y)) / Math.max(1, xr - xl);
        double dudy = (flow.dxAt(x, yb) - flow.dxAt(x, yt)) / Math.max(1, yb - yt);
        double dvdx = (flow.dyAt(xr, y) - flow.dyAt(xl, y)) / Math.max(1, xr - xl);
        double dvdy = (flow.dyAt(x, yb) - flow.dyAt(x, yt)) / Math.max(1, yb - yt);
        double gradient = dudx * dudx + dudy * dudy + dvdx * dvdx + dvdy * dvdy;
        return gradient > 0.01 * (u * u + v * v) + 0.002;
    }
}
