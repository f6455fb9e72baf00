package org.neuralstyle.benchmark;

import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.GraphSession;
import org.neuralstyle.engine.Tensors;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.FeatureNetwork;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How close a picture's look is to a painting's, as a measure of its own rather than any loss: the sliced
 * Wasserstein distance between the two images' features at one layer of a network (each location's feature vector
 * a sample; both sets projected on random unit directions, sorted, and compared quantile by quantile; the mean of
 * the squared differences over the directions, its square root). It compares whole distributions, not only their
 * means and covariances, and needs no pairing of locations, so pictures of different sizes compare.
 */
public final class FeatureDistance implements AutoCloseable {

    /** Quantiles compared per direction. */
    private static final int QUANTILES = 256;

    private final GraphSession graph;
    private final Placeholder<TFloat32> image;
    private final Operand<TFloat32> features;
    private final int channels;

    /** At one layer of the network. */
    public FeatureDistance(NetworkWeights weights, String layer) {
        graph = new GraphSession(EngineSettings.defaults());
        try {
            Ops tf = graph.ops();
            FeatureNetwork network = new FeatureNetwork(tf, weights, Pooling.MAX);
            image = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
            features = network.apply(network.seenWhole(image), List.of(layer)).get(layer);
            channels = weights.architecture().outputChannels(layer);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The distance between the two images' feature distributions over the given number of random directions. */
    public double between(RgbImage a, RgbImage b, int directions, long seed) {
        return sliced(features(a), features(b), channels, directions, seed);
    }

    /** The same distance between the two images' colour distributions (each pixel's RGB a sample, 0..255). */
    public static double ofColours(RgbImage a, RgbImage b, int directions, long seed) {
        return sliced(a.pixels(), b.pixels(), 3, directions, seed);
    }

    /** The sliced Wasserstein distance between two sets of rows of the given width. */
    static double sliced(float[] fa, float[] fb, int channels, int directions, long seed) {
        Random random = new Random(seed);
        double sum = 0;
        for (int k = 0; k < directions; k++) {
            double[] direction = new double[channels];
            double norm = 0;
            for (int c = 0; c < channels; c++) {
                direction[c] = random.nextGaussian();
                norm += direction[c] * direction[c];
            }
            for (int c = 0; c < channels; c++) {
                direction[c] /= Math.sqrt(norm);
            }
            double[] qa = quantiles(project(fa, direction, channels));
            double[] qb = quantiles(project(fb, direction, channels));
            for (int q = 0; q < QUANTILES; q++) {
                sum += (qa[q] - qb[q]) * (qa[q] - qb[q]);
            }
        }
        return Math.sqrt(sum / ((double) directions * QUANTILES));
    }

    private float[] features(RgbImage img) {
        try (TFloat32 input = Tensors.of(img.pixels(), 1, img.height(), img.width(), 3);
             Result result = graph.session().runner().feed(image, input).fetch(features).run()) {
            return Tensors.toArray(result.get(0));
        }
    }

    private static double[] project(float[] rows, double[] direction, int channels) {
        int n = rows.length / channels;
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double dot = 0;
            for (int c = 0; c < channels; c++) {
                dot += rows[r * channels + c] * direction[c];
            }
            out[r] = dot;
        }
        return out;
    }

    /** The sorted values at QUANTILES evenly spaced ranks, linearly interpolated. */
    static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            double at = (i + 0.5) / QUANTILES * sorted.length - 0.5;
            int lo = (int) Math.max(0, Math.min(sorted.length - 1, Math.floor(at)));
            int hi = Math.min(sorted.length - 1, lo + 1);
            double t = Math.max(0, Math.min(1, at - lo));
            q[i] = sorted[lo] * (1 - t) + sorted[hi] * t;
        }
        return q;
    }

    @Override
    public void close() {
        graph.close();
    }
}
