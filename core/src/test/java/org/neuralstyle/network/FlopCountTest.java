package org.neuralstyle.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlopCountTest {

    @Test
    void vgg16AtImageNetSizeHasItsPublishedMultiplyAdds() {
        // 15.35 G multiply-adds in VGG-16's 13 convolutions at 224x224 (Simonyan & Zisserman; widely tabulated).
        long flops = FlopCount.forward(Vgg.vgg16(), List.of("relu5_3"), 224, 224);
        assertThat(flops).isEqualTo(2 * 15_346_630_656L);
    }

    @Test
    void onlyLayersUpToTheDeepestRequestedOneCount() {
        // conv1_1 on 10x6: 2 * 60 * 9 * 3 * 64
        assertThat(FlopCount.forward(Vgg.vgg19(), List.of("relu1_1"), 10, 6)).isEqualTo(2L * 60 * 9 * 3 * 64);
        // conv1_2 adds 2 * 60 * 9 * 64 * 64; pool1 halves 10x6 to 5x3, conv2_1 adds 2 * 15 * 9 * 64 * 128
        assertThat(FlopCount.forward(Vgg.vgg19(), List.of("relu1_1", "conv2_1"), 10, 6))
                .isEqualTo(2L * 60 * 9 * 3 * 64 + 2L * 60 * 9 * 64 * 64 + 2L * 15 * 9 * 64 * 128);
    }

    @Test
    void stridedValidConvolutionsAndFireModules() {
        // SqueezeNet on 7x7: conv0 3x3/2 VALID -> 3x3; pool0 3x3/2 VALID -> 1x1; fire2 16 squeeze, 64+64 expand.
        long conv0 = 2L * 3 * 3 * 9 * 3 * 64;
        long fire2 = 2L * 64 * 16 + 2L * 16 * 64 + 2L * 9 * 16 * 64;
        assertThat(FlopCount.forward(SqueezeNet.v1_1(), List.of("fire2"), 7, 7)).isEqualTo(conv0 + fire2);
        // An iteration sees the image mirrored by SqueezeNet's unseen edge (16: conv0, pool0, pool3, pool5 stride 2).
        assertThat(SqueezeNet.v1_1().unseenEdge()).isEqualTo(16);
        assertThat(Vgg.vgg19().unseenEdge()).isZero();
        assertThat(FlopCount.iteration(SqueezeNet.v1_1(), List.of("fire2"), 7, 7))
                .isEqualTo(2 * FlopCount.forward(SqueezeNet.v1_1(), List.of("fire2"), 23, 23));
    }

    @Test
    void outputSizesFollowTensorFlow() {
        assertThat(Layer.Padding.SAME.outputSize(7, 2, 2)).isEqualTo(4);
        assertThat(Layer.Padding.VALID.outputSize(7, 3, 2)).isEqualTo(3);
        assertThat(Layer.Padding.VALID.outputSize(8, 3, 2)).isEqualTo(3);
        assertThat(Layer.Padding.VALID.outputSize(2, 3, 1)).isEqualTo(0);
    }

    @Test
    void smallestInputThatStillReachesTheDeepestLayer() {
        // conv0, pool0, pool3 and pool5 are 3x3/2 VALID: 31 -> 15 -> 7 -> 3 -> 1; 30 -> 14 -> 6 -> 2 -> 0.
        assertThat(SqueezeNet.v1_1().minimumInputSize(List.of("relu0", "fire6"))).isEqualTo(31);
        assertThat(Vgg.vgg19().minimumInputSize(List.of("relu5_1"))).isEqualTo(1);
        // Shallow layers alone: the image must still be larger than the 16 mirrored pixels.
        assertThat(SqueezeNet.v1_1().minimumInputSize(List.of("relu0"))).isEqualTo(17);
    }
}
