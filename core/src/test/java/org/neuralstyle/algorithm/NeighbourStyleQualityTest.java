package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.benchmark.FeatureDistance;
import org.neuralstyle.image.EdgeCorrelation;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.SqueezeNet;
import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.neuralstyle.testing.SharedData;
import org.neuralstyle.weights.WeightFiles;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neural neighbours against the Gram default, both with their defaults, on real pictures with the built-in
 * SqueezeNet at 256 px, judged by measures that are neither method's loss: the sliced Wasserstein distance to the
 * painting's features at fire9 (a layer neither loss reads) or to its colours, and the correlation of the
 * picture's luminance edges with the photo's (the photo's structure kept). docs/neighbours.md has the pictures
 * and the same measures on six pairs, including the one where Gram comes closer (rocket and Composition VII).
 */
class NeighbourStyleQualityTest {

    private static final int ITERATIONS = 150;

    @Test
    void neighboursComeCloserToTheGreatWaveThanGramAndKeepThePhotosEdgesBetter() throws IOException {
        Compared c = compare("content/china.jpg", "style/great_wave.jpg");
        // Measured here (150 iterations each): fire9 179 against 262, edges 0.82 against 0.60.
        assertThat(c.neighbours.fire9).as("feature distance, neighbours over gram").isLessThan(0.85 * c.gram.fire9);
        assertThat(c.neighbours.edges).as("edge correlation with the photo").isGreaterThan(c.gram.edges);
    }

    @Test
    void neighboursTakeTheScreamsColoursWhereGramLeavesThePhotos() throws IOException {
        Compared c = compare("content/grace_hopper.jpg", "style/the_scream.jpg");
        // Measured here (150 iterations each): colours 32 against 72; edges 0.81 against 0.63 (fire9 167 against
        // 160: about the same, not asserted).
        assertThat(c.neighbours.colours).as("colour distance, neighbours over gram").isLessThan(0.6 * c.gram.colours);
        assertThat(c.neighbours.edges).as("edge correlation with the photo").isGreaterThan(c.gram.edges);
    }

    private record Measures(double fire9, double colours, double edges) {
    }

    private record Compared(Measures gram, Measures neighbours) {
    }

    private static Compared compare(String photoFile, String paintingFile) throws IOException {
        NetworkWeights weights = WeightFiles.load(BuiltInSqueezeNet.file(), SqueezeNet.v1_1());
        RgbImage photo = Resampling.toWidth(ImageFiles.read(SharedData.media(photoFile)), 256);
        RgbImage painting = ImageFiles.read(SharedData.media(paintingFile));
        StyleTransfer transfer = new StyleTransfer(weights);
        List<StyleImage> styles = List.of(StyleImage.of(painting));
        // Half the default iterations for both, to keep the suite's time: the measures below were taken so.
        RgbImage gram = transfer.stylize(photo, styles, StyleTransferOptions.builder(weights.architecture()).seed(1)
                .iterations(ITERATIONS).build(), StyleTransferListener.NONE).image();
        RgbImage neighbours = transfer.stylize(photo, styles, StyleTransferOptions.builder(weights.architecture(),
                StyleLoss.Kind.NEIGHBOURS).seed(1).iterations(ITERATIONS).build(), StyleTransferListener.NONE).image();
        RgbImage paintingAtSize = Resampling.toWidth(painting, 256);
        try (FeatureDistance fire9 = new FeatureDistance(weights, "fire9")) {
            Compared c = new Compared(measure(gram, photo, paintingAtSize, fire9),
                    measure(neighbours, photo, paintingAtSize, fire9));
            System.out.println(paintingFile + ": gram " + c.gram + ", neighbours " + c.neighbours);
            return c;
        }
    }

    private static Measures measure(RgbImage picture, RgbImage photo, RgbImage painting, FeatureDistance fire9) {
        return new Measures(fire9.between(picture, painting, 64, 1), FeatureDistance.ofColours(picture, painting, 64, 1),
                EdgeCorrelation.of(picture, photo));
    }
}
