package org.neuralstyle.optim;

/**
 * The vector kernels of the two-loop recursion, written for speed: at 512 px an image has 786,000 values and
 * L-BFGS with 100 stored steps makes 400 passes over vectors of that length per evaluation. A dot product with one
 * accumulator is bound by the latency of its chain of additions (one element per 4 cycles); four independent
 * accumulators let the processor overlap them, and fusing each update of q with the next dot product reads q once
 * instead of twice.
 */
final class Vectors {

    private Vectors() {
    }

    /** a . q, summed in double (the fused kernel, adding nothing to q). */
    static double dot(float[] a, double[] q) {
        return addScaledThenDot(q, 0, a, a);
    }

    /** a . b, summed in double: used a few times per iteration, not in the recursion's loops. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /**
     * q += c x, then returns next . q (the updated q); with {@code next} null it only updates q and returns 0.
     */
    static double addScaledThenDot(double[] q, double c, float[] x, float[] next) {
        int n = q.length;
        if (next == null) {
            for (int i = 0; i < n; i++) {
                q[i] += c * x[i];
            }
            return 0;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double q0 = q[i] + c * x[i];
            double q1 = q[i + 1] + c * x[i + 1];
            double q2 = q[i + 2] + c * x[i + 2];
            double q3 = q[i + 3] + c * x[i + 3];
            q[i] = q0;
            q[i + 1] = q1;
            q[i + 2] = q2;
            q[i + 3] = q3;
            s0 += next[i] * q0;
            s1 += next[i + 1] * q1;
            s2 += next[i + 2] * q2;
            s3 += next[i + 3] * q3;
        }
        for (; i < n; i++) {
            q[i] += c * x[i];
            s0 += next[i] * q[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
