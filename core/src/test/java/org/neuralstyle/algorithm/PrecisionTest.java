package org.neuralstyle.algorithm;

import org.neuralstyle.testing.BuiltInSqueezeNet;
import org.junit.jupiter.api.Test;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.engine.EngineSettings;
import org.neuralstyle.engine.Precision;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.Resampling;
import org.neuralstyle.image.RgbImage;
import org.neuralstyle.network.NetworkWeights;
import org.neuralstyle.network.SqueezeNet;
import org.neuralstyle.network.Vgg;
import org.neuralstyle.testing.SharedData;
import org.neuralstyle.testing.TestImages;
import org.neuralstyle.weights.WeightFiles;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * bf16 convolutions with the loss in fp32. These run on any CPU: where the processor has no bf16 instructions
 * TensorFlow emulates them (slowly), and the numbers are the same format's.
 */
class PrecisionTest {

    /** The real SqueezeNet on a real photo and painting: each loss term at iteration 0 within 1% of fp32's. */
    @Test
    void theBf16LossAtIterationZeroIsWithinOnePercentOfFp32() throws IOException {
        NetworkWeights squeeze = WeightFiles.load(
                BuiltInSqueezeNet.file(), SqueezeNet.v1_1());
        RgbImage photo = Resampling.toWidth(ImageFiles.read(SharedData.media("content/chelsea.png")), 160);
        RgbImage painting = Resampling.toWidth(ImageFiles.read(SharedData.media("style/starry_night.jpg")), 200);
        float[] start = TestImages.random(photo.width(), photo.height(), 3).pixels();
        float[][] gradients = new float[2][];
        LossTerms[] losses = new LossTerms[2];
        for (Precision precision : Precision.values()) {
            LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(squeeze.architecture()), squeeze.architecture(),
                    new double[] {1});
            try (StyleTransferGraph graph = new StyleTransferGraph(squeeze, org.neuralstyle.network.Pooling.MAX, spec,
                    photo.width(), photo.height(), EngineSettings.defaults().withPrecision(precision))) {
                graph.setContent(photo);
                graph.setStyles(List.of(painting));
                gradients[precision.ordinal()] = new float[start.length];
                losses[precision.ordinal()] = graph.evaluate(start, gradients[precision.ordinal()]);
            }
        }
        LossTerms fp32 = losses[Precision.FP32.ordinal()];
        LossTerms bf16 = losses[Precision.BF16.ordinal()];
        assertThat(bf16.total()).isNotEqualTo(fp32.total()); // it did compute in another format
        assertThat(bf16.content()).isCloseTo(fp32.content(), within(0.01 * fp32.content()));
        assertThat(bf16.style()).isCloseTo(fp32.style(), within(0.01 * fp32.style()));
        assertThat(bf16.total()).isCloseTo(fp32.total(), within(0.01 * fp32.total()));
        assertThat(cosine(gradients[0], gradients[1])).as("gradient direction").isGreaterThan(0.99);
    }

    /** VGG's layers in bf16 keep the graph's shapes and the loss finite and close, on random weights. */
    @Test
    void vggRunsInBf16Too() {
        NetworkWeights vgg = NetworkWeights.random(Vgg.vgg19(), 2);
        RgbImage content = TestImages.random(48, 40, 1);
        float[] start = TestImages.random(48, 40, 2).pixels();
        double[] totals = new double[2];
        for (Precision precision : Precision.values()) {
            LossSpec spec = LossSpec.of(StyleTransferOptions.defaults(vgg.architecture()), vgg.architecture(),
                    new double[] {1});
            try (StyleTransferGraph graph = new StyleTransferGraph(vgg, org.neuralstyle.network.Pooling.MAX, spec,
                    48, 40, EngineSettings.defaults().withPrecision(precision))) {
                graph.setContent(content);
                graph.setStyles(List.of(TestImages.random(40, 40, 3)));
                totals[precision.ordinal()] = graph.evaluate(start, new float[start.length]).total();
            }
        }
        assertThat(totals[1]).isCloseTo(totals[0], within(0.03 * totals[0]));
    }

    @Test
    void bf16IsFoundInTheKernelsFlags() {
        String zen3 = "processor\t: 0\nflags\t\t: fpu sse avx2 fma vaes\n";
        String zen4 = "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n\nprocessor\t: 1\n";
        String sapphire = "flags\t: fpu avx512f amx_bf16 amx_tile\n";
        assertThat(CpuFeatures.parse(zen3).hasBf16()).isFalse();
        assertThat(CpuFeatures.parse(zen4).hasBf16()).isTrue();
        assertThat(CpuFeatures.parse(sapphire).hasBf16()).isTrue();
        assertThat(CpuFeatures.parse("").hasBf16()).isFalse();
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
