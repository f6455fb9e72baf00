package org.neuralstyle.algorithm;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean and covariance matching, as crowsonkb/style-transfer-pytorch's StyleLossW2 (REFERENCE.md section 6): the
 * squared 2-Wasserstein distance between Gaussian fits of the image's and the style's features,
 * |mu - mu_s|^2 + tr(S) + tr(S_s) - 2 tr((S_s^1/2 S S_s^1/2)^1/2), divided by the channel count C so that layers
 * of different widths weigh alike. Matrix square roots by 12 Newton-Schulz iterations (matrix products only, so
 * TensorFlow differentiates through them), covariances regularised by 1e-4 I. Several styles are blended into one
 * Gaussian by blending their means and second moments, which combine linearly.
 */
final class WassersteinStyleLoss implements StyleLoss {

    static final int NEWTON_SCHULZ_ITERATIONS = 12;
    static final float EPSILON = 1e-4f;

    @Override
    public boolean blendsStyles() {
        return true;
    }

    @Override
    public List<Operand<TFloat32>> sums(Ops tf, Operand<TFloat32> features, long channels) {
        Operand<TFloat32> f = tf.reshape(features, tf.constant(new long[] {-1, channels}));
        return List.of(tf.reduceSum(f, tf.constant(new int[] {0}), org.tensorflow.op.core.ReduceSum.keepDims(true)),
                tf.linalg.matMul(f, f, MatMul.transposeA(true)));
    }

    /** The mean S_1 / n and the covariance S_2 / n - mu^T mu, from the sum of F (1 x C) and F^T F over n positions. */
    @Override
    public List<Operand<TFloat32>> statistics(Ops tf, List<Operand<TFloat32>> sums, Operand<TFloat32> positions,
                                              long channels) {
        Operand<TFloat32> mean = tf.math.div(sums.get(0), positions);
        Operand<TFloat32> covariance = tf.math.sub(tf.math.div(sums.get(1), positions),
                tf.linalg.matMul(mean, mean, MatMul.transposeA(true)));
        return List.of(mean, covariance);
    }

    @Override
    public Operand<TFloat32> distance(Ops tf, List<Operand<TFloat32>> image, List<Operand<TFloat32>> style) {
        Operand<TFloat32> mean = image.get(0);
        Operand<TFloat32> covariance = image.get(1);
        Operand<TFloat32> styleMean = style.get(0);
        Operand<TFloat32> styleCovariance = style.get(1);
        int channels = (int) covariance.shape().size(0);
        Operand<TFloat32> eye = identity(tf, channels);
        Operand<TFloat32> root = squareRoot(tf, styleCovariance, eye);
        Operand<TFloat32> inner = tf.linalg.matMul(tf.linalg.matMul(root, covariance), root);
        Operand<TFloat32> meanTerm = sumOfAll(tf, tf.math.squaredDifference(mean, styleMean));
        Operand<TFloat32> covarianceTerm = tf.math.sub(tf.math.add(trace(tf, covariance, eye),
                trace(tf, styleCovariance, eye)), tf.math.mul(tf.constant(2f), trace(tf, squareRoot(tf, inner, eye), eye)));
        return tf.math.div(tf.math.add(meanTerm, covarianceTerm), tf.constant((float) channels));
    }

    /** The square root of a symmetric positive semi-definite C x C matrix (C known to the graph). */
    static Operand<TFloat32> squareRoot(Ops tf, Operand<TFloat32> a) {
        return squareRoot(tf, a, identity(tf, (int) a.shape().size(0)));
    }

    /** By Newton-Schulz on (A + eps I) / |A|_F: matrix products only, which TensorFlow differentiates. */
    private static Operand<TFloat32> squareRoot(Ops tf, Operand<TFloat32> a, Operand<TFloat32> eye) {
        Operand<TFloat32> regular = tf.math.add(a, tf.math.mul(eye, tf.constant(EPSILON)));
        Operand<TFloat32> norm = tf.math.sqrt(sumOfAll(tf, tf.math.square(regular)));
        Operand<TFloat32> y = tf.math.div(regular, norm);
        Operand<TFloat32> z = eye;
        Operand<TFloat32> threeI = tf.math.mul(eye, tf.constant(3f));
        for (int k = 0; k < NEWTON_SCHULZ_ITERATIONS; k++) {
            Operand<TFloat32> t = tf.math.mul(tf.constant(0.5f), tf.math.sub(threeI, tf.linalg.matMul(z, y)));
            y = tf.linalg.matMul(y, t);
            z = tf.linalg.matMul(t, z);
        }
        return tf.math.mul(y, tf.math.sqrt(norm));
    }

    /** I as a constant: no op on the gradient's path that TensorFlow's C++ gradients lack (MatrixDiag has none). */
    private static Operand<TFloat32> identity(Ops tf, int n) {
        float[][] eye = new float[n][n];
        for (int i = 0; i < n; i++) {
            eye[i][i] = 1;
        }
        return tf.constant(eye);
    }

    private static Operand<TFloat32> trace(Ops tf, Operand<TFloat32> m, Operand<TFloat32> eye) {
        return sumOfAll(tf, tf.math.mul(m, eye));
    }

    private static Operand<TFloat32> sumOfAll(Ops tf, Operand<TFloat32> x) {
        return tf.sum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
    }

    /** One Gaussian for several styles: the blended mean and the covariance of the blended second moments. */
    @Override
    public List<float[]> blend(List<List<float[]>> perStyle, double[] weights) {
        int c = perStyle.get(0).get(0).length;
        double[] mean = new double[c];
        double[] second = new double[c * c];
        for (int i = 0; i < perStyle.size(); i++) {
            float[] m = perStyle.get(i).get(0);
            float[] s = perStyle.get(i).get(1);
            for (int a = 0; a < c; a++) {
                mean[a] += weights[i] * m[a];
                for (int b = 0; b < c; b++) {
                    second[a * c + b] += weights[i] * (s[a * c + b] + (double) m[a] * m[b]);
                }
            }
        }
        float[] blendedMean = new float[c];
        float[] blendedCovariance = new float[c * c];
        for (int a = 0; a < c; a++) {
            blendedMean[a] = (float) mean[a];
            for (int b = 0; b < c; b++) {
                blendedCovariance[a * c + b] = (float) (second[a * c + b] - mean[a] * mean[b]);
            }
        }
        List<float[]> out = new ArrayList<>();
        out.add(blendedMean);
        out.add(blendedCovariance);
        return out;
    }
}
