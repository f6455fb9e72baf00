package org.neuralstyle.algorithm;

/**
 * Which style each location takes its neighbour from, when there are several: the nearest from the union of the
 * styles' features, with each style's similarities raised or lowered by one offset per style so that the styles
 * get the shares of the locations their blend weights ask for (a 3:1 blend: three quarters of the locations from
 * the first). Left to similarity alone, the style closest to the photo overall would take nearly every location
 * (neural-style-pt #61's complaint about Gram blends: one style dominates). With regions, a location only takes
 * from the styles whose region covers it most; where none covers, from none.
 */
final class NeighbourShares {

    private static final int ROUNDS = 60;

    private NeighbourShares() {
    }

    /**
     * @param similarity per style, per location: the cosine similarity of that style's nearest feature
     * @param shares     per style: its blend weight (normalised here)
     * @param regions    per style, per location, 0..1; null: every style everywhere
     * @return per location the style it takes from, -1 where no region covers it
     */
    static int[] choose(float[][] similarity, double[] shares, float[][] regions) {
        int styles = similarity.length;
        int locations = similarity[0].length;
        boolean[][] candidate = candidates(styles, locations, regions);
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] offset = new double[styles];
        int[] bestChoice = assign(similarity, candidate, offset);
        if (styles == 1) {
            return bestChoice;
        }
        double bestError = Double.POSITIVE_INFINITY;
        double step = 0.5;
        for (int round = 0; round < ROUNDS; round++) {
            int[] choice = assign(similarity, candidate, offset);
            double[] count = new double[styles];
            int contested = 0;
            for (int p = 0; p < locations; p++) {
                if (choice[p] >= 0 && candidatesAt(candidate, p) > 1) {
                    count[choice[p]]++;
                    contested++;
                }
            }
            if (contested == 0) {
                return choice;
            }
            double error = 0;
            for (int i = 0; i < styles; i++) {
                double gap = shares[i] / total - count[i] / contested;
                error += Math.abs(gap);
                offset[i] += step * gap;
            }
            if (error < bestError) {
                bestError = error;
                bestChoice = choice;
            }
            step *= 0.93;
        }
        return bestChoice;
    }

    private static int[] assign(float[][] similarity, boolean[][] candidate, double[] offset) {
        int locations = similarity[0].length;
        int[] choice = new int[locations];
        for (int p = 0; p < locations; p++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < similarity.length; i++) {
                double score = similarity[i][p] + offset[i];
                if (candidate[i][p] && score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            choice[p] = best;
        }
        return choice;
    }

    /** The styles a location may take from: those whose region covers it most (all, without regions). */
    private static boolean[][] candidates(int styles, int locations, float[][] regions) {
        boolean[][] candidate = new boolean[styles][locations];
        for (int p = 0; p < locations; p++) {
            float most = 0;
            for (int i = 0; i < styles; i++) {
                most = Math.max(most, regions == null ? 1 : regions[i][p]);
            }
            for (int i = 0; i < styles; i++) {
                candidate[i][p] = most > 0 && (regions == null ? 1 : regions[i][p]) == most;
            }
        }
        return candidate;
    }

    private static int candidatesAt(boolean[][] candidate, int p) {
        int n = 0;
        for (boolean[] c : candidate) {
            n += c[p] ? 1 : 0;
        }
        return n;
    }
}
