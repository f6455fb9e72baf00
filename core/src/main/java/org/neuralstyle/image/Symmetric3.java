package org.neuralstyle.image;

/** Powers of symmetric positive semi-definite 3x3 matrices (colour covariances), by Jacobi eigen-decomposition. */
final class Symmetric3 {

    /** Eigenvalues below this (in squared 0..255 units) are raised to it: a flat colour channel has no inverse. */
    private static final double FLOOR = 1e-3;

    private Symmetric3() {
    }

    /** M^p = V diag(lambda^p) V^T. */
    static double[][] power(double[][] m, double p) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off < 1e-24) {
                break;
            }
            for (int i = 0; i < 2; i++) {
                for (int j = i + 1; j < 3; j++) {
                    if (Math.abs(a[i][j]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(a, v, i, j, c, s);
                }
            }
        }
        double[][] out = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double lambda = Math.pow(Math.max(a[k][k], FLOOR), p);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    out[r][c] += v[r][k] * lambda * v[c][k];
                }
            }
        }
        return out;
    }

    /** A Jacobi rotation in the (i, j) plane: A = J^T A J, V = V J. */
    private static void rotate(double[][] a, double[][] v, int i, int j, double c, double s) {
        for (int k = 0; k < 3; k++) {
            double aki = a[k][i];
            double akj = a[k][j];
            a[k][i] = c * aki - s * akj;
            a[k][j] = s * aki + c * akj;
        }
        for (int k = 0; k < 3; k++) {
            double aik = a[i][k];
            double ajk = a[j][k];
            a[i][k] = c * aik - s * ajk;
            a[j][k] = s * aik + c * ajk;
        }
        for (int k = 0; k < 3; k++) {
            double vki = v[k][i];
            double vkj = v[k][j];
            v[k][i] = c * vki - s * vkj;
            v[k][j] = s * vki + c * vkj;
        }
    }

    static double[][] multiply(double[][] x, double[][] y) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    out[r][c] += x[r][k] * y[k][c];
                }
            }
        }
        return out;
    }
}
