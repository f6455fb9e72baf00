package org.neuralstyle.algorithm;

import org.neuralstyle.image.RgbImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Regions for styles taken from the photo itself, for a user without masks: its colours clustered (k-means), or its
 * bright and dark parts. Regions come in order of brightness, darkest first for colours, brightest first for
 * luminance, so that "style 1 on the sky" has a rule the user can follow; each is written out as a mask the user
 * can edit and give back with --style-masks.
 */
public final class ContentRegions {

    private static final int ROUNDS = 30;

    private ContentRegions() {
    }

    /**
     * The photo's pixels in k clusters of colour (k-means, Lloyd's rounds from k-means++ seeds drawn with the seed),
     * darkest cluster first; each region is 1 on its cluster's pixels.
     */
    public static List<StyleRegion> colours(RgbImage photo, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("at least one region, got " + k);
        }
        float[] px = photo.pixels();
        int n = photo.width() * photo.height();
        double[][] centres = seeds(px, n, k, new Random(seed));
        int[] cluster = new int[n];
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int p = 0; p < n; p++) {
                int nearest = nearest(px, p, centres);
                moved |= nearest != cluster[p];
                cluster[p] = nearest;
            }
            double[][] sums = new double[k][4];
            for (int p = 0; p < n; p++) {
                for (int c = 0; c < 3; c++) {
                    sums[cluster[p]][c] += px[3 * p + c];
                }
                sums[cluster[p]][3]++;
            }
            for (int j = 0; j < k; j++) {
                if (sums[j][3] > 0) {
                    centres[j] = new double[] {sums[j][0] / sums[j][3], sums[j][1] / sums[j][3], sums[j][2] / sums[j][3]};
                }
            }
            if (!moved && round > 0) {
                break;
            }
        }
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        double[][] finalCentres = centres;
        Arrays.sort(order, (a, b) -> Double.compare(luminance(finalCentres[a]), luminance(finalCentres[b])));
        List<StyleRegion> regions = new ArrayList<>();
        for (int j : order) {
            float[] weights = new float[n];
            for (int p = 0; p < n; p++) {
                weights[p] = cluster[p] == j ? 1 : 0;
            }
            regions.add(new StyleRegion(weights, photo.width(), photo.height()));
        }
        return regions;
    }

    /**
     * The bright part (luminance at least {@code threshold} x 255) and, for two regions, the dark part: brightest
     * first.
     */
    public static List<StyleRegion> luminance(RgbImage photo, double threshold, int count) {
        if (count < 1 || count > 2) {
            throw new IllegalArgumentException("luminance gives one or two regions, not " + count);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold is a luminance from 0 to 1, got " + threshold);
        }
        float[] px = photo.pixels();
        int n = photo.width() * photo.height();
        float[] bright = new float[n];
        float[] dark = new float[n];
        for (int p = 0; p < n; p++) {
            boolean isBright = luminance(new double[] {px[3 * p], px[3 * p + 1], px[3 * p + 2]}) >= threshold * 255;
            bright[p] = isBright ? 1 : 0;
            dark[p] = isBright ? 0 : 1;
        }
        List<StyleRegion> regions = new ArrayList<>(List.of(new StyleRegion(bright, photo.width(), photo.height())));
        if (count == 2) {
            regions.add(new StyleRegion(dark, photo.width(), photo.height()));
        }
        return regions;
    }

    /** k-means++: the first centre a random pixel, each next one drawn with probability by squared distance. */
    private static double[][] seeds(float[] px, int n, int k, Random random) {
        double[][] centres = new double[k][];
        int first = random.nextInt(n);
        centres[0] = new double[] {px[3 * first], px[3 * first + 1], px[3 * first + 2]};
        double[] distance = new double[n];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int p = 0; p < n; p++) {
                double d = Double.MAX_VALUE;
                for (int c = 0; c < j; c++) {
                    d = Math.min(d, squaredDistance(px, p, centres[c]));
                }
                distance[p] = d;
                total += d;
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int p = 0; p < n; p++) {
                pick -= distance[p];
                if (pick <= 0) {
                    chosen = p;
                    break;
                }
            }
            centres[j] = new double[] {px[3 * chosen], px[3 * chosen + 1], px[3 * chosen + 2]};
        }
        return centres;
    }

    private static int nearest(float[] px, int p, double[][] centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int j = 0; j < centres.length; j++) {
            double d = squaredDistance(px, p, centres[j]);
            if (d < bestDistance) {
                bestDistance = d;
                best = j;
            }
        }
        return best;
    }

    private static double squaredDistance(float[] px, int p, double[] centre) {
        double dr = px[3 * p] - centre[0];
        double dg = px[3 * p + 1] - centre[1];
        double db = px[3 * p + 2] - centre[2];
        return dr * dr + dg * dg + db * db;
    }

    private static double luminance(double[] rgb) {
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    }
}
