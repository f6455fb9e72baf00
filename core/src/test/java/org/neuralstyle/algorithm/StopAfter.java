package org.neuralstyle.algorithm;

/** A listener that asks the run to stop once it has seen a number of iterations, as Ctrl-C would. */
final class StopAfter implements StyleTransferListener {

    private final int iterations;
    private int seen;

    StopAfter(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public void onIteration(IterationProgress progress) {
        seen++;
    }

    @Override
    public boolean stopRequested() {
        return seen >= iterations;
    }
}
