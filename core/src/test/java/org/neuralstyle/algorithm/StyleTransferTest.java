package org.neuralstyle.algorithm;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.testing.TestNetworks;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StyleTransferTest {

    private final NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 21);
    private final RgbImage content = StyleTransferGraphTest.randomImage(16, 12, 1);
    private final List<StyleImage> styles = List.of(StyleImage.of(StyleTransferGraphTest.randomImage(20, 20, 2)));

    @Test
    void returnsTheLowestLossImageSeenAndReportsEveryIteration() {
        List<IterationProgress> seen = new ArrayList<>();
        // A large learning rate makes the loss jump around, so the best image is not simply the last.
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).iterations(25).seed(3)
                .adam(new org.neuralstyle.optim.AdamSettings(
                        new org.neuralstyle.optim.LearningRateSchedule.Constant(60), 0.9, 0.999, 1e-8)).build();
        StyleTransferResult result = new StyleTransfer(net).stylize(content, styles, options, seen::add);

        assertThat(seen).hasSize(26);
        assertThat(result.history()).hasSize(26);
        double min = result.history().stream().mapToDouble(LossTerms::total).min().orElseThrow();
        assertThat(result.loss().total()).isEqualTo(min);
        assertThat(result.history().get(result.bestIteration()).total()).isEqualTo(min);
        assertThat(min).isLessThan(result.history().get(0).total());
        assertThat(result.ending()).isEqualTo(StyleTransferResult.Ending.COMPLETED);
        // The image handed out is the best one, clamped to 0..255.
        assertThat(result.image()).isEqualTo(seen.get(25).bestImage());
        for (float v : result.image().pixels()) {
            assertThat(v).isBetween(0f, 255f);
        }
    }

    @Test
    void withAveragingTheOutputIsTheAverageOfTheIteratesAndItsLossIsItsOwn() {
        StyleTransferOptions jumpy = StyleTransferOptions.builder(net.architecture()).iterations(25).seed(3)
                .adam(new org.neuralstyle.optim.AdamSettings(
                        new org.neuralstyle.optim.LearningRateSchedule.Constant(60), 0.9, 0.999, 1e-8)).build();
        StyleTransferOptions averaged = jumpy.toBuilder().averageDecay(0.8).build();
        StyleTransfer transfer = new StyleTransfer(net);
        StyleTransferResult best = transfer.stylize(content, styles, jumpy, StyleTransferListener.NONE);
        StyleTransferResult average = transfer.stylize(content, styles, averaged, StyleTransferListener.NONE);

        // Same iterates (averaging only reads them), another output.
        assertThat(average.history()).isEqualTo(best.history());
        assertThat(average.image()).isNotEqualTo(best.image());
        try (StyleTransferGraph graph = transfer.openGraph(content, styles, averaged, 0)) {
            graph.setContent(content);
            double own = graph.evaluate(average.image().pixels(), null).total();
            assertThat(average.loss().total()).isCloseTo(own, org.assertj.core.api.Assertions.withinPercentage(0.01));
        }
    }

    @Test
    void anImageLargerThanTheTileSizeIsOptimisedTileByTileToTheSameLoss() {
        StyleTransferOptions whole = StyleTransferOptions.builder(net.architecture()).iterations(15).seed(3).build();
        StyleTransferResult a = new StyleTransfer(net).stylize(content, styles, whole, StyleTransferListener.NONE);
        // 16x12 in tiles of 8 with the exact halo, past the tiny network's receptive field: the same optimisation.
        StyleTransferResult b = new StyleTransfer(net).stylize(content, styles, whole.toBuilder().tileSize(8).build(),
                StyleTransferListener.NONE);
        assertThat(b.history()).hasSize(16);
        for (int k = 0; k < 16; k += 5) {
            assertThat(b.history().get(k).total()).isCloseTo(a.history().get(k).total(),
                    org.assertj.core.api.Assertions.withinPercentage(0.1));
        }
    }

    @Test
    void stopsWhenAskedAndKeepsTheBestImage() {
        StyleTransferResult result = new StyleTransfer(net).stylize(content, styles,
                StyleTransferOptions.builder(net.architecture()).iterations(100).build(), new StopAfter(5));
        assertThat(result.ending()).isEqualTo(StyleTransferResult.Ending.STOPPED);
        assertThat(result.iterationsRun()).isEqualTo(4);
        assertThat(result.image().width()).isEqualTo(16);
    }

    @Test
    void lbfgsNeverEndsAboveItsStartAndBeatsAdamOnTheSameBudget() {
        StyleTransferOptions adam = StyleTransferOptions.builder(net.architecture()).iterations(40).seed(5).build();
        StyleTransferOptions lbfgs = adam.toBuilder().optimizer(StyleTransferOptions.OptimizerKind.LBFGS).build();
        StyleTransferResult a = new StyleTransfer(net).stylize(content, styles, adam, StyleTransferListener.NONE);
        StyleTransferResult l = new StyleTransfer(net).stylize(content, styles, lbfgs, StyleTransferListener.NONE);
        assertThat(l.history()).hasSize(41);
        assertThat(l.loss().total()).isLessThanOrEqualTo(l.history().get(0).total());
        assertThat(l.loss().total()).isLessThan(a.loss().total());
        assertThat(l.ending()).isEqualTo(StyleTransferResult.Ending.COMPLETED);
    }

    /**
     * The real SqueezeNet on a real photo and painting at 256 px, from the photo: L-BFGS's first accepted step must
     * change the picture within six evaluations. With torch's first step, min(1, 1/|g|_1) times the gradient, the
     * previous version still had the photo's loss after six (79584, its backtracking on steps of about 1e-6).
     */
    @Test
    void lbfgsChangesAPhotoWithinItsFirstEvaluations() throws java.io.IOException {
        NetworkWeights squeeze = org.neuralstyle.weights.WeightFiles.load(org.neuralstyle.testing.BuiltInSqueezeNet.file(), org.neuralstyle.network.SqueezeNet.v1_1());
        RgbImage photo = org.neuralstyle.image.Resampling.toWidth(org.neuralstyle.image.ImageFiles.read(
                org.neuralstyle.testing.SharedData.media("content/chelsea.png")), 256);
        StyleImage painting = StyleImage.of(org.neuralstyle.image.ImageFiles.read(
                org.neuralstyle.testing.SharedData.media("style/starry_night.jpg")));
        StyleTransferOptions lbfgs = StyleTransferOptions.builder(squeeze.architecture()).iterations(6).seed(1)
                .initialization(Initialization.content(0)).optimizer(StyleTransferOptions.OptimizerKind.LBFGS).build();
        StyleTransferResult result = new StyleTransfer(squeeze).stylize(photo, List.of(painting), lbfgs,
                StyleTransferListener.NONE);
        assertThat(result.ending()).isEqualTo(StyleTransferResult.Ending.COMPLETED);
        assertThat(result.loss().total()).isLessThan(0.9 * result.history().get(0).total());
        assertThat(result.image().meanAbsoluteDifference(photo)).as("mean change, levels").isGreaterThan(1);
    }

    @Test
    void startsFromTheContentImageWhenAsked() {
        StyleTransfer transfer = new StyleTransfer(net);
        float[] start = transfer.initialImage(content, Initialization.content(0), 1);
        assertThat(start).containsExactly(content.pixels(), org.assertj.core.api.Assertions.within(1e-3f));
        float[] noisy = transfer.initialImage(content, Initialization.noise(), 1);
        // pure noise: the network's mean pixel plus N(0, 0.256^2)
        double mean = 0;
        for (int i = 0; i < noisy.length; i += 3) {
            mean += noisy[i];
        }
        assertThat(mean / (noisy.length / 3.0)).isBetween(123.68 - 0.2, 123.68 + 0.2);
        assertThat(transfer.initialImage(content, Initialization.noise(), 1))
                .containsExactly(noisy); // same seed, same start
    }
}
