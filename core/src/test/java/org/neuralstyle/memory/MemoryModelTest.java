package org.neuralstyle.memory;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.network.ActivationCount;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;
import org.neuralstyle.testing.TestNetworks;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class MemoryModelTest {

    @Test
    void countsEveryValueTheForwardPassHolds() {
        // tiny VGG on 8x6 up to relu2_1: input 3*48, conv1_1 4*48, relu1_1 4*48, pool1 4*(4*3), conv2_1 6*12,
        // relu2_1 6*12 = 144 + 192 + 192 + 48 + 72 + 72.
        assertThat(ActivationCount.forward(TestNetworks.tinyVgg(), List.of("relu2_1"), 8, 6)).isEqualTo(720);
        // later layers are not built, so not counted
        assertThat(ActivationCount.forward(TestNetworks.tinyVgg(), List.of("relu1_1"), 8, 6)).isEqualTo(528);
    }

    /**
     * Peak RSS measured with {@code neural-style bench} on the 2-core dev machine (2026-11-25), each case in a fresh
     * JVM: the model must stay within 25% of every one. (MemoryPlanTest in the cli module measures SqueezeNet
     * anew on the machine that runs the tests.)
     */
    @Test
    void reproducesTheMeasuredPeaksWithin25Percent() {
        double gib = 1L << 30;
        check("vgg19", new int[] {256, 1024, 1536, 2048}, new double[] {1.61, 4.56, 8.26, 13.63}, gib);
        check("squeezenet", new int[] {256, 1024, 1536}, new double[] {0.40, 1.14, 1.95}, gib);
    }

    private static void check(String network, int[] sizes, double[] measuredGib, double gib) {
        NetworkArchitecture arch = Networks.byName(network);
        Set<String> layers = LossSpec.of(StyleTransferOptions.defaults(arch), arch, new double[] {1}).layers();
        for (int k = 0; k < sizes.length; k++) {
            long model = MemoryModel.peakBytes(arch, layers, sizes[k], sizes[k], sizes[k], sizes[k]);
            assertThat(model / gib).as(network + " at " + sizes[k]).isCloseTo(measuredGib[k], withinPercentage(25));
        }
    }

    @Test
    void aLargerStyleImageRaisesThePeakOnlyWhenItOutweighsTheIteration() {
        NetworkArchitecture arch = Networks.byName("vgg19");
        Set<String> layers = LossSpec.of(StyleTransferOptions.defaults(arch), arch, new double[] {1}).layers();
        long alone = MemoryModel.peakBytes(arch, layers, 1024, 1024, 0, 0);
        assertThat(MemoryModel.peakBytes(arch, layers, 1024, 1024, 1024, 1024)).isEqualTo(alone);
        assertThat(MemoryModel.peakBytes(arch, layers, 1024, 1024, 2048, 2048)).isGreaterThan(alone);
    }
}
