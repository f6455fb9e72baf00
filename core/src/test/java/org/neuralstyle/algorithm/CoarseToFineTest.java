package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.optim.AdamSettings;
import org.neuralstyle.optim.LearningRateSchedule;
import org.neuralstyle.testing.TestNetworks;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoarseToFineTest {

    private final NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 21);
    private final RgbImage content = StyleTransferGraphTest.randomImage(40, 30, 1);
    private final List<StyleImage> styles = List.of(StyleImage.of(StyleTransferGraphTest.randomImage(20, 20, 2)));
    private final StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).seed(4).build();

    @Test
    void outputHasTheLastScalesSizeAndIterationsAreCountedAcrossScales() {
        List<IterationProgress> seen = new ArrayList<>();
        StyleTransferResult result = new CoarseToFine(new StyleTransfer(net)).stylize(content, styles, options,
                List.of(new CoarseToFine.Scale(10, 5), new CoarseToFine.Scale(20, 4), new CoarseToFine.Scale(32, 3)),
                seen::add);

        assertThat(result.image().width()).isEqualTo(32);
        assertThat(result.image().height()).isEqualTo(24); // the content's 4:3
        assertThat(result.ending()).isEqualTo(StyleTransferResult.Ending.COMPLETED);
        assertThat(result.iterationsRun()).isEqualTo(12);
        assertThat(seen).extracting(IterationProgress::iteration)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(seen).extracting(IterationProgress::scale)
                .containsExactly(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3);
        assertThat(seen).allSatisfy(p -> {
            assertThat(p.iterations()).isEqualTo(12);
            assertThat(p.scales()).isEqualTo(3);
        });
        assertThat(seen.get(12).bestImage().width()).isEqualTo(32);
        assertThat(result.bestIteration()).isBetween(9, 12);
        assertThat(result.loss().total()).isEqualTo(result.history().get(result.bestIteration()).total());
    }

    @Test
    void theFinerScaleStartsFromTheUpsampledCoarseResult() {
        // Adam moves a pixel by at most about the learning rate per step, so one step at the fine scale
        // stays within 0.5 of wherever that scale started.
        StyleTransferOptions slow = options.toBuilder().adam(new AdamSettings(
                new LearningRateSchedule.Constant(0.5), 0.9, 0.999, 1e-8)).build();
        StyleTransferResult coarseOnly = new StyleTransfer(net).stylize(Resampling.toWidth(content, 20), styles,
                slow.toBuilder().iterations(40).build(), StyleTransferListener.NONE);
        StyleTransferResult c2f = new CoarseToFine(new StyleTransfer(net)).stylize(content, styles, slow,
                List.of(new CoarseToFine.Scale(20, 40), new CoarseToFine.Scale(40, 1)), StyleTransferListener.NONE);

        float[] upsampledCoarse = Resampling.toWidth(coarseOnly.image(), 40).pixels();
        assertThat(maxDifference(c2f.image().pixels(), upsampledCoarse)).isLessThan(0.51);
        // ...and that is a real constraint: a start from noise at the fine scale is far from it.
        float[] noiseStart = new StyleTransfer(net).initialImage(content, Initialization.noise(), 4);
        assertThat(maxDifference(noiseStart, upsampledCoarse)).isGreaterThan(5);
    }

    @Test
    void carryingAdamsStateChangesHowTheFinerScaleMovesFromTheSameStart() {
        List<CoarseToFine.Scale> plan = List.of(new CoarseToFine.Scale(20, 20), new CoarseToFine.Scale(40, 5));
        StyleTransferResult fresh = new CoarseToFine(new StyleTransfer(net)).stylize(content, styles, options, plan,
                StyleTransferListener.NONE);
        StyleTransferResult carried = new CoarseToFine(new StyleTransfer(net)).stylize(content, styles,
                options.toBuilder().carryAdamState(true).build(), plan, StyleTransferListener.NONE);
        // The coarse scale is the same run; only the finer scale's optimiser differs.
        assertThat(carried.history().subList(0, 21)).isEqualTo(fresh.history().subList(0, 21));
        assertThat(carried.history().get(22).total()).isNotEqualTo(fresh.history().get(22).total());
        assertThat(carried.loss().total()).isLessThan(carried.history().get(21).total() * 1.01);
    }

    private static double maxDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void aStopAtACoarseScaleStillGivesAnOutputOfTheFinalSize() {
        StyleTransferResult result = new CoarseToFine(new StyleTransfer(net)).stylize(content, styles, options,
                List.of(new CoarseToFine.Scale(20, 50), new CoarseToFine.Scale(40, 50)), new StopAfter(3));
        assertThat(result.ending()).isEqualTo(StyleTransferResult.Ending.STOPPED);
        assertThat(result.image().width()).isEqualTo(40);
        assertThat(result.image().height()).isEqualTo(30);
    }

    @Test
    void scaleWidthsMustIncrease() {
        CoarseToFine c2f = new CoarseToFine(new StyleTransfer(net));
        assertThatThrownBy(() -> c2f.stylize(content, styles, options,
                List.of(new CoarseToFine.Scale(20, 5), new CoarseToFine.Scale(20, 5)), StyleTransferListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must increase");
        assertThatThrownBy(() -> new CoarseToFine.Scale(1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeOutputsGetAnAutomaticPlanOfHalvingWidths() {
        assertThat(CoarseToFine.automaticPlan(512, 300)).containsExactly(new CoarseToFine.Scale(512, 300));
        assertThat(CoarseToFine.automaticPlan(1024, 300)).containsExactly(new CoarseToFine.Scale(256, 300),
                new CoarseToFine.Scale(512, 150), new CoarseToFine.Scale(1024, 150));
        // 1000 -> 500 -> 250 stops above 256: the first scale is never narrower than that.
        assertThat(CoarseToFine.automaticPlan(1000, 10)).containsExactly(new CoarseToFine.Scale(500, 10),
                new CoarseToFine.Scale(1000, 5));
    }

    @Test
    void aPlanFromAGivenWidthHalvesDownToItAtAnyOutputSize() {
        assertThat(CoarseToFine.planFrom(512, 300, 128)).containsExactly(new CoarseToFine.Scale(128, 300),
                new CoarseToFine.Scale(256, 150), new CoarseToFine.Scale(512, 150));
        // 1000 -> 500 -> 250 -> 125 stops at 250: no scale narrower than asked.
        assertThat(CoarseToFine.planFrom(1000, 10, 128)).containsExactly(new CoarseToFine.Scale(250, 10),
                new CoarseToFine.Scale(500, 5), new CoarseToFine.Scale(1000, 5));
        // An output narrower than the coarsest width is painted at once.
        assertThat(CoarseToFine.planFrom(100, 300, 128)).containsExactly(new CoarseToFine.Scale(100, 300));
        // The automatic plan is this one from 256, above 512 px.
        assertThat(CoarseToFine.planFrom(1024, 300, CoarseToFine.SMALLEST_SCALE))
                .isEqualTo(CoarseToFine.automaticPlan(1024, 300));
        assertThatThrownBy(() -> CoarseToFine.planFrom(512, 300, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
