package org.neuralstyle.algorithm;

import org.junit.jupiter.api.Test;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.SqueezeNet;
import org.neuralstyle.network.Vgg;

import static org.assertj.core.api.Assertions.assertThat;

/** The one source of defaults: a library caller gets the defaults of the network it uses. */
class StyleTransferOptionsTest {

    @Test
    void aSqueezeNetCallerGetsSqueezeNetsDefaultsNotVggs() {
        NetworkArchitecture squeezenet = SqueezeNet.v1_1();
        StyleTransferOptions options = StyleTransferOptions.defaults(squeezenet);
        NetworkArchitecture.RecommendedWeights recommended = squeezenet.recommendedWeights();
        assertThat(options.contentWeight()).isEqualTo(recommended.content());
        assertThat(options.styleWeight()).isEqualTo(recommended.style());
        assertThat(options.tvWeight()).isEqualTo(recommended.tv());
        assertThat(options.adam().schedule().rateAt(0)).isEqualTo(recommended.learningRate());

        StyleTransferOptions vgg = StyleTransferOptions.defaults(Vgg.vgg19());
        assertThat(options.contentWeight()).isNotEqualTo(vgg.contentWeight());
        assertThat(options.styleWeight()).isNotEqualTo(vgg.styleWeight());
        assertThat(options.adam().schedule().rateAt(0)).isNotEqualTo(vgg.adam().schedule().rateAt(0));
    }

    @Test
    void vggDefaultsAreTheReferenceImplementations() {
        StyleTransferOptions vgg = StyleTransferOptions.defaults(Vgg.vgg19());
        assertThat(vgg.contentWeight()).isEqualTo(5);
        assertThat(vgg.styleWeight()).isEqualTo(500);
        assertThat(vgg.tvWeight()).isEqualTo(100);
        assertThat(vgg.adam().schedule().rateAt(500)).isEqualTo(10);
        assertThat(vgg.iterations()).isEqualTo(1000);
        assertThat(vgg.adam().beta1()).isEqualTo(0.9);
    }

    @Test
    void aBuilderForOneNetworkKeepsWhatIsSetAndDefaultsTheRest() {
        StyleTransferOptions options = StyleTransferOptions.builder(SqueezeNet.v1_1()).styleWeight(3).iterations(7).build();
        assertThat(options.styleWeight()).isEqualTo(3);
        assertThat(options.iterations()).isEqualTo(7);
        assertThat(options.contentWeight()).isEqualTo(SqueezeNet.v1_1().recommendedWeights().content());
    }

    @Test
    void aRunOfItsOwnAnnealsOverItsIterationsAndAWarmStartBeginsAtTheMiddleRate() {
        StyleTransferOptions squeezenet = StyleTransferOptions.defaults(SqueezeNet.v1_1());
        NetworkArchitecture.RecommendedWeights r = SqueezeNet.v1_1().recommendedWeights();
        var fresh = squeezenet.forRun(101, Initialization.content(0)).adam().schedule();
        assertThat(fresh.rateAt(0)).isEqualTo(r.learningRate());
        assertThat(fresh.rateAt(100)).isCloseTo(r.finalLearningRate(), org.assertj.core.api.Assertions.within(1e-9));
        var warm = squeezenet.forRun(101, Initialization.image(org.neuralstyle.image.RgbImage.filled(2, 2, 1, 1, 1), 0))
                .adam().schedule();
        assertThat(warm.rateAt(0)).isCloseTo(Math.sqrt(r.learningRate() * r.finalLearningRate()),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(warm.rateAt(100)).isCloseTo(r.finalLearningRate(), org.assertj.core.api.Assertions.within(1e-9));
        // VGG's constant rate is left as it is.
        StyleTransferOptions vgg = StyleTransferOptions.defaults(Vgg.vgg19());
        assertThat(vgg.forRun(50, Initialization.noise()).adam()).isEqualTo(vgg.adam());
        assertThat(vgg.forRun(50, Initialization.noise()).iterations()).isEqualTo(50);
    }
}
