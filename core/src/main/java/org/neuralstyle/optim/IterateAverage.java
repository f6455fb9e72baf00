package org.neuralstyle.optim;

/**
 * An exponential moving average of the iterates, bias-corrected: avg_t = sum_k (1-d) d^(t-k) x_k / (1 - d^t).
 * Adam at a useful learning rate keeps moving the pixels back and forth around the minimum it has found; the
 * average of its last ~1/(1-d) iterates sits nearer that minimum than any one of them (Polyak averaging; as
 * crowsonkb/style-transfer-pytorch's EMA of the image, whose output is that average).
 */
public final class IterateAverage {

    private final double decay;
    private final double[] sum;
    private double decayPower = 1;
    private int count;

    public IterateAverage(double decay, int size) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("averaging decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.sum = new double[size];
    }

    public void add(float[] x) {
        if (x.length != sum.length) {
            throw new IllegalArgumentException("expected " + sum.length + " values, got " + x.length);
        }
        decayPower *= decay;
        for (int i = 0; i < sum.length; i++) {
            sum[i] = decay * sum[i] + (1 - decay) * x[i];
        }
        count++;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The bias-corrected average of the iterates added so far. */
    public float[] average() {
        if (count == 0) {
            throw new IllegalStateException("no iterates averaged yet");
        }
        float[] out = new float[sum.length];
        double correction = 1 / (1 - decayPower);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] * correction);
        }
        return out;
    }
}
