package org.neuralstyle.job;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The choices resolved against a network's defaults, each check naming its option. */
class StyleChoicesTest {

    /** Nothing chosen but the styles, and these two. */
    private static StyleChoices choices(Double styleWeight, Double styleStrength) {
        return new StyleChoices(List.of(Path.of("painting.jpg")), null, null, null, null, null, null, null, null, null,
                styleWeight,
                styleStrength, null, null, null, null, null, null, 100, "adam", null, null, null, null, null, null,
                null, false, null, null, null, false, null, null, 1L, null, null, null,
                new EngineChoice(null, null, new CpuFeatures(Set.of())), null);
    }

    @Test
    void styleStrengthMultipliesTheStyleWeightOfEveryNetwork() {
        for (String name : List.of("vgg19", "squeezenet")) {
            NetworkArchitecture network = Networks.byName(name);
            double byDefault = StyleTransferOptions.defaults(network).styleWeight();
            assertThat(choices(null, null).options(network).styleWeight()).isEqualTo(byDefault);
            assertThat(choices(null, 3.0).options(network).styleWeight()).isEqualTo(3 * byDefault);
            assertThat(choices(100.0, 0.5).options(network).styleWeight()).isEqualTo(50);
        }
    }

    @Test
    void aStyleStrengthThatIsNotPositiveIsNamed() {
        assertThatThrownBy(() -> choices(null, 0.0).options(Networks.byName("vgg19"))).isInstanceOf(UserError.class)
                .hasMessage("--style-strength must be positive, got 0.0");
    }
}
