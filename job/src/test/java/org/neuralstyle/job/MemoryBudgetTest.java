package org.neuralstyle.job;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.LossSpec;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.memory.MemoryModel;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory plan's choices: tiles only where the whole image does not fit, L-BFGS's history within the heap. */
class MemoryBudgetTest {

    @Test
    void tilesAreChosenOnlyWhenTheWholeImageDoesNotFitAndAsLargeAsFit() {
        NetworkArchitecture vgg = Networks.byName("vgg19");
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg), vgg, new double[] {1});
        MemoryBudget budget = vgg19Budget(3L << 30, 8L << 30);
        assertThat(budget.imageFits(512, 340)).isTrue();
        assertThat(budget.imageFits(1024, 682)).isFalse();
        assertThat(budget.tileThatFits(1024, 682)).isEqualTo(512); // 256 with the 128 px halo of before
        MemoryBudget roomier = vgg19Budget(24L << 30, 16L << 30);
        assertThat(roomier.imageFits(8192, 5464)).isFalse();
        int core = roomier.tileThatFits(8192, 5464);
        assertThat(core).isGreaterThanOrEqualTo(1024);
        assertThat(MemoryModel.tiledPeakBytes(vgg, spec.contentLayers().keySet(), spec.layers(), 8192, 5464, core,
                org.neuralstyle.algorithm.TiledStyleTransferGraph.exactHalo(vgg, spec.layers())))
                .isLessThanOrEqualTo(24L << 30);
        // A style image as large as the output is taken tile by tile in a tiled run, so it fits where whole it would not.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.requireStyleFits(false, "style", "--styles",
                2048, 1400, w -> "")).isInstanceOf(UserError.class);
        budget.requireStyleFits(true, "style", "--styles", 2048, 1400, w -> "");
        // A heap too small for the whole image's arrays: no tiles either.
        MemoryBudget smallHeap = vgg19Budget(24L << 30, 1L << 30);
        assertThat(smallHeap.tileThatFits(8192, 5464)).isZero();
        // SqueezeNet's unpadded strided layers cannot be tiled.
        NetworkArchitecture squeeze = Networks.byName("squeezenet");
        LossSpec s2 = LossSpec.of(StyleTransferOptions.defaults(squeeze), squeeze, new double[] {1});
        assertThat(new MemoryBudget(1L << 30, "x", squeeze, s2.contentLayers().keySet(), s2.layers(), 8L << 30)
                .tileThatFits(4096, 4096)).isZero();
    }

    /** L-BFGS's history lives in the Java heap: two image-sized vectors per step, checked before the run. */
    @Test
    void anLbfgsHistoryTheHeapCannotHoldIsRefusedNamingOneThatFits() {
        MemoryBudget budget = vgg19Budget(24L << 30, 1L << 30);
        budget.requireLbfgsHistoryFits(100, 256, 256); // 100 x 2 x 0.79 MB: fits in 0.85 GiB
        // 1024 x 1024: 12.6 MB a vector; (0.85 GiB / 12.6 MB - 8) / 2 = 32 steps
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.requireLbfgsHistoryFits(100, 1024, 1024))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("--lbfgs-history 100: L-BFGS keeps two 1024x1024 images per step")
                .hasMessageEndingWith("at most 32 steps fit");
        budget.requireLbfgsHistoryFits(32, 1024, 1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.requireLbfgsHistoryFits(1, 16384, 16384))
                .hasMessageEndingWith("use --optimizer adam at this size");
    }

    /** VGG-19 with its default layers, this much memory allowed and this large a Java heap. */
    private static MemoryBudget vgg19Budget(long allowed, long heap) {
        NetworkArchitecture vgg = Networks.byName("vgg19");
        LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg), vgg, new double[] {1});
        return new MemoryBudget(allowed, "--max-memory allows", vgg, spec.contentLayers().keySet(), spec.layers(), heap);
    }
}
