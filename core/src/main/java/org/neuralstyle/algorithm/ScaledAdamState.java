package org.neuralstyle.algorithm;

import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.optim.Adam;

/**
 * Adam's state carried to the next scale of a coarse-to-fine run, as crowsonkb/style-transfer-pytorch's
 * scale_adam: the moment estimates resized to the new image size like an image (bilinear here), the step count
 * kept. Unlike there, the moments are also rescaled to the new size's gradients: every loss term here is a mean
 * over pixels or features, so a pixel's gradient shrinks as 1/N with the pixel count N, and a first moment carried
 * unscaled from N_old pixels would be N_new/N_old times too large (the second moment its square), which would make
 * the first steps at the new scale that many times too short.
 */
final class ScaledAdamState {

    private ScaledAdamState() {
    }

    static Adam.State resized(Adam.State state, int fromWidth, int fromHeight, int toWidth, int toHeight) {
        double ratio = (double) fromWidth * fromHeight / ((double) toWidth * toHeight);
        float[] m = resize(state.m(), fromWidth, fromHeight, toWidth, toHeight, ratio);
        float[] v = resize(state.v(), fromWidth, fromHeight, toWidth, toHeight, ratio * ratio);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, v[i]); // a linear filter keeps it non-negative; rounding must not make it less
        }
        return new Adam.State(m, v, state.step());
    }

    private static float[] resize(float[] values, int fromWidth, int fromHeight, int toWidth, int toHeight,
                                  double factor) {
        float[] out = Resampling.resize(new RgbImage(fromWidth, fromHeight, values), toWidth, toHeight).pixels();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] * factor);
        }
        return out;
    }
}
