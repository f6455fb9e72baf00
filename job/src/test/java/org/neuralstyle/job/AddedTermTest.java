package org.neuralstyle.job;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.IterationProgress;
import org.neuralstyle.algorithm.LossTerms;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleTransfer;
import org.neuralstyle.algorithm.StyleTransferListener;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.algorithm.StyleTransferResult;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.testing.TestImages;
import org.neuralstyle.testing.TestNetworks;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The loss is open: a term written in the test files alone ({@link MeanBrightness}) and given to the options is
 * summed into the loss, optimised, reported by name in every progress event, and plotted.
 */
class AddedTermTest {

    @Test
    void aTermFromOutsideIsSummedShownByNameAndPlotted() {
        NetworkWeights net = TestNetworks.randomWeights(TestNetworks.tinyVgg(), 7);
        RgbImage content = TestImages.random(24, 24, 1);
        StyleTransferOptions options = StyleTransferOptions.builder(net.architecture()).iterations(30).seed(2)
                .initialization(org.neuralstyle.algorithm.Initialization.content(0))
                .imageTerms(List.of(new MeanBrightness(1e9))).build();
        List<IterationProgress> events = new ArrayList<>();
        StyleTransferResult result = new StyleTransfer(net).stylize(content, List.of(StyleImage.of(TestImages.random(24, 24, 3))),
                options, (StyleTransferListener) events::add);
        assertThat(events).hasSize(31);
        for (IterationProgress event : events) {
            LossTerms loss = event.loss();
            assertThat(loss.terms().keySet()).containsExactly("content", "style", "tv", "brightness");
            double sum = loss.terms().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(loss.total()).isCloseTo(sum, within(1e-4 * Math.abs(sum)));
        }
        // Optimised: with a heavy weight on brightness the picture darkens.
        assertThat(mean(result.image())).isLessThan(mean(content) - 5);
        assertThat(events.get(30).loss().value("brightness")).isLessThan(events.get(0).loss().value("brightness"));

        // Plotted: its curve in the fourth colour, and nothing of that colour without it.
        List<LossTerms> history = events.stream().map(IterationProgress::loss).toList();
        assertThat(pixelsOf(LossPlot.draw(history), 0x9467bd)).isGreaterThan(100);
        List<LossTerms> without = history.stream().map(t -> {
            java.util.Map<String, Double> three = new java.util.LinkedHashMap<>(t.terms());
            three.remove("brightness");
            return new LossTerms(three, t.total());
        }).toList();
        assertThat(pixelsOf(LossPlot.draw(without), 0x9467bd)).isZero();
    }

    private static double mean(RgbImage image) {
        double sum = 0;
        for (float v : image.pixels()) {
            sum += v;
        }
        return sum / image.pixels().length;
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return count;
    }
}
