package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.testing.TestNetworks;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceStyleTransferTest {

    private final NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 21);
    private final List<StyleImage> styles = List.of(StyleImage.of(StyleTransferGraphTest.randomImage(20, 20, 2)));
    private final StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).seed(4).build();
    private final RgbImage frame1 = StyleTransferGraphTest.randomImage(16, 12, 1);
    private final RgbImage frame2 = StyleTransferGraphTest.randomImage(16, 12, 7);

    @Test
    void eachFrameIsOptimisedAgainstItsOwnContentOnOneGraph() {
        try (SequenceStyleTransfer sequence = new SequenceStyleTransfer(net, EngineSettings.defaults(), styles,
                options, 0, frame1)) {
            StyleTransferResult first = sequence.stylize(frame(frame1, Initialization.noise(), 30, null), StyleTransferListener.NONE);
            StyleTransferResult second = sequence.stylize(frame(frame2, Initialization.noise(), 30, null), StyleTransferListener.NONE);
            // Same start and styles, different content: the same as two separate single-image runs.
            StyleTransferOptions single = options.toBuilder().iterations(30).build();
            StyleTransfer transfer = new StyleTransfer(net);
            assertThat(first.loss().total()).isCloseTo(
                    transfer.stylize(frame1, styles, single, StyleTransferListener.NONE).loss().total(),
                    org.assertj.core.api.Assertions.withinPercentage(0.01));
            assertThat(second.loss().total()).isCloseTo(
                    transfer.stylize(frame2, styles, single, StyleTransferListener.NONE).loss().total(),
                    org.assertj.core.api.Assertions.withinPercentage(0.01));
            assertThat(first.ending()).isEqualTo(StyleTransferResult.Ending.COMPLETED);
        }
    }

    @Test
    void stopsEarlyOnceTheFrameReachesTheStopLoss() {
        try (SequenceStyleTransfer sequence = new SequenceStyleTransfer(net, EngineSettings.defaults(), styles,
                options, 0, frame1)) {
            StyleTransferResult full = sequence.stylize(frame(frame1, Initialization.noise(), 60, null), StyleTransferListener.NONE);
            double halfway = full.history().get(20).total();
            StyleTransferResult early = sequence.stylize(new SequenceStyleTransfer.Frame(frame1, Initialization.noise(),
                    60, null, halfway), StyleTransferListener.NONE);
            assertThat(early.ending()).isEqualTo(StyleTransferResult.Ending.REACHED_STOP_LOSS);
            assertThat(early.iterationsRun()).isLessThan(60);
            assertThat(early.loss().total()).isLessThanOrEqualTo(halfway);
        }
    }

    @Test
    void theTemporalLossHoldsMaskedPixelsToTheWarpedPreviousFrame() {
        RgbImage previous = StyleTransferGraphTest.randomImage(16, 12, 9);
        float[] mask = new float[16 * 12];
        Arrays.fill(mask, 0, mask.length / 2, 1); // top half held, bottom half free
        TemporalTarget target = new TemporalTarget(previous, mask);
        try (SequenceStyleTransfer free = new SequenceStyleTransfer(net, EngineSettings.defaults(), styles, options, 0, frame1);
             SequenceStyleTransfer held = new SequenceStyleTransfer(net, EngineSettings.defaults(), styles, options, 1e6, frame1)) {
            // Both start from the previous frame, as in flow mode; only the held one is pulled back to it.
            Initialization start = Initialization.image(previous, 0);
            RgbImage a = free.stylize(frame(frame1, start, 40, null), StyleTransferListener.NONE).image();
            StyleTransferResult b = held.stylize(frame(frame1, start, 40, target), StyleTransferListener.NONE);
            assertThat(b.loss().temporal()).isPositive();
            double freeTop = meanSquaredDifference(a, previous, 0, 6);
            double heldTop = meanSquaredDifference(b.image(), previous, 0, 6);
            double heldBottom = meanSquaredDifference(b.image(), previous, 6, 12);
            assertThat(heldTop).isLessThan(0.5 * freeTop);
            assertThat(heldTop).isLessThan(0.5 * heldBottom);
        }
    }

    @Test
    void framesMustHaveTheSequenceSize() {
        try (SequenceStyleTransfer sequence = new SequenceStyleTransfer(net, EngineSettings.defaults(), styles,
                options, 0, frame1)) {
            assertThatThrownBy(() -> sequence.stylize(frame(StyleTransferGraphTest.randomImage(8, 8, 1),
                    Initialization.noise(), 5, null), StyleTransferListener.NONE))
                    .hasMessageContaining("frame is 8x8, the sequence is 16x12");
        }
    }

    private static SequenceStyleTransfer.Frame frame(RgbImage content, Initialization start, int iterations,
                                                     TemporalTarget temporal) {
        return new SequenceStyleTransfer.Frame(content, start, iterations, temporal, Double.NEGATIVE_INFINITY);
    }

    private static double meanSquaredDifference(RgbImage a, RgbImage b, int fromRow, int toRow) {
        double sum = 0;
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.pow(a.get(x, y, c) - b.get(x, y, c), 2);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
