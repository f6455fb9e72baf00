package org.neuralstyle.image;

import org.junit.jupiter.api.Test;
import org.neuralstyle.testing.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Known answers for colour histogram matching and luminance-only transfer (Gatys et al. 2017). */
class ColorTransferTest {

    @Test
    void squareRootsAndInverseRootsOfACovariance() {
        // diag(4, 9, 16) rotated 45 degrees in the first plane: its root squares back to it, root x inverse root = I.
        double r = Math.sqrt(0.5);
        double[][] v = {{r, -r, 0}, {r, r, 0}, {0, 0, 1}};
        double[][] d = {{4, 0, 0}, {0, 9, 0}, {0, 0, 16}};
        double[][] m = Symmetric3.multiply(Symmetric3.multiply(v, d), new double[][] {{r, r, 0}, {-r, r, 0}, {0, 0, 1}});
        double[][] root = Symmetric3.power(m, 0.5);
        double[][] back = Symmetric3.multiply(root, root);
        double[][] identity = Symmetric3.multiply(root, Symmetric3.power(m, -0.5));
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(back[a][b]).isCloseTo(m[a][b], within(1e-9));
                assertThat(identity[a][b]).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
        }
        assertThat(root[2][2]).isCloseTo(4, within(1e-9));
        assertThat(root[0][0]).isCloseTo((2 + 3) / 2.0, within(1e-9)); // (sqrt 4 + sqrt 9) / 2 on the diagonal
    }

    @Test
    void histogramMatchingGivesTheReferencesMeanColourAndCovariance() {
        RgbImage source = TestImages.random(30, 20, 1);
        // A reference with correlated, unequal channels: r, 0.5 r + 0.5 g, 40 + 0.2 b.
        RgbImage random = TestImages.random(25, 25, 2);
        float[] px = random.pixels().clone();
        for (int i = 0; i < px.length; i += 3) {
            px[i + 1] = 0.5f * px[i] + 0.5f * px[i + 1];
            px[i + 2] = 40 + 0.2f * px[i + 2];
        }
        RgbImage reference = new RgbImage(25, 25, px);
        ColorTransfer.Moments got = ColorTransfer.Moments.of(ColorTransfer.matchColors(source, reference));
        ColorTransfer.Moments want = ColorTransfer.Moments.of(reference);
        for (int a = 0; a < 3; a++) {
            assertThat(got.mean()[a]).isCloseTo(want.mean()[a], within(1e-3));
            for (int b = 0; b < 3; b++) {
                assertThat(got.covariance()[a][b]).isCloseTo(want.covariance()[a][b], within(1e-2));
            }
        }
    }

    @Test
    void luminanceMatchingTakesTheContentsMeanAndDeviationAsGrey() {
        RgbImage style = TestImages.random(20, 10, 3);
        RgbImage content = RgbImage.filled(8, 8, 100, 100, 100);
        float[] px = content.pixels();
        for (int i = 0; i < px.length; i += 6) { // alternate pixels 100 and 140 grey: mean 120, deviation 20
            px[i] = px[i + 1] = px[i + 2] = 140;
        }
        RgbImage matched = ColorTransfer.luminanceMatched(style, content);
        ColorTransfer.Moments m = ColorTransfer.Moments.of(matched);
        assertThat(m.mean()[0]).isCloseTo(120, within(1e-3));
        assertThat(Math.sqrt(m.covariance()[0][0])).isCloseTo(20, within(1e-3));
        assertThat(matched.pixels()[0]).isEqualTo(matched.pixels()[1]).isEqualTo(matched.pixels()[2]);
    }
}
