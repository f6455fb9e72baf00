package org.neuralstyle.video;

import org.neuralstyle.algorithm.TemporalTarget;
import org.neuralstyle.image.RgbImage;

import java.util.List;

/**
 * Ruder et al.'s long-term temporal loss as one target (2016, section 3.3). The frame is held to several
 * earlier stylized frames j in J, each warped into it, with weights c_long_j = max(c_j - sum_{l in J, l < j} c_l, 0):
 * every pixel to the nearest earlier frame in which it was visible, so a region that reappears after an
 * occlusion takes back its old look. Since sum_j c_j (x - w_j)^2 = C (x - W)^2 + const with C = sum_j c_j and
 * W = sum_j c_j w_j / C, one warped image and one mask carry the whole loss and its exact gradient; for 0/1
 * masks W is simply each pixel's nearest visible reference.
 */
final class LongTermTarget {

    private LongTermTarget() {
    }

    /** @param warped the earlier stylized frames warped into this one, nearest first; masks likewise */
    static TemporalTarget of(List<RgbImage> warped, List<float[]> masks) {
        if (warped.isEmpty() || warped.size() != masks.size()) {
            throw new IllegalArgumentException(warped.size() + " warped frames for " + masks.size() + " masks");
        }
        int pixels = masks.get(0).length;
        float[] combinedMask = new float[pixels];
        float[] target = new float[pixels * 3];
        float[] closer = new float[pixels]; // sum of the nearer frames' c
        for (int j = 0; j < warped.size(); j++) {
            float[] c = masks.get(j);
            float[] w = warped.get(j).pixels();
            for (int p = 0; p < pixels; p++) {
                float weight = Math.max(c[p] - closer[p], 0);
                closer[p] += c[p];
                if (weight > 0) {
                    combinedMask[p] += weight;
                    for (int ch = 0; ch < 3; ch++) {
                        target[p * 3 + ch] += weight * w[p * 3 + ch];
                    }
                }
            }
        }
        RgbImage first = warped.get(0);
        for (int p = 0; p < pixels; p++) {
            for (int ch = 0; ch < 3; ch++) {
                target[p * 3 + ch] = combinedMask[p] > 0 ? target[p * 3 + ch] / combinedMask[p] : first.pixels()[p * 3 + ch];
            }
        }
        return new TemporalTarget(new RgbImage(first.width(), first.height(), target), combinedMask);
    }
}
