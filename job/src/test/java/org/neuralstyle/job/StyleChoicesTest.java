package org.neuralstyle.job;

import org.junit.jupiter.api.Test;
import org.neuralstyle.algorithm.StyleTransferOptions;
import org.neuralstyle.engine.CpuFeatures;
import org.neuralstyle.job.options.ArgumentList;
import org.neuralstyle.network.NetworkArchitecture;
import org.neuralstyle.network.Networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The choices resolved against a network's defaults, each check naming its option. */
class StyleChoicesTest {

    /** Nothing chosen but the styles, the seed, and these options. */
    private static StyleChoices choices(String... options) {
        List<String> words = new ArrayList<>(List.of("--styles", "painting.jpg", "--seed", "1"));
        words.addAll(List.of(options));
        return ArgumentList.read(words).request().cpu(new CpuFeatures(Set.of())).style();
    }

    @Test
    void styleStrengthMultipliesTheStyleWeightOfEveryNetwork() {
        for (String name : List.of("vgg19", "squeezenet")) {
            NetworkArchitecture network = Networks.byName(name);
            double byDefault = StyleTransferOptions.defaults(network).styleWeight();
            assertThat(choices().options(network).styleWeight()).isEqualTo(byDefault);
            assertThat(choices("--style-strength", "3").options(network).styleWeight()).isEqualTo(3 * byDefault);
            assertThat(choices("--style-weight", "100", "--style-strength", "0.5").options(network).styleWeight())
                    .isEqualTo(50);
        }
    }

    @Test
    void aStyleStrengthThatIsNotPositiveIsNamed() {
        assertThatThrownBy(() -> choices("--style-strength", "0").options(Networks.byName("vgg19")))
                .isInstanceOf(UserError.class).hasMessage("--style-strength must be positive, got 0.0");
    }

    /**
     * The settings' records check them (the library's checks); the user hears each refusal of the option that set
     * it, in one line, the check written once.
     */
    @Test
    void aSettingTheRecordsRefuseIsNamedByItsOption() {
        NetworkArchitecture vgg = Networks.byName("vgg19");
        String[][] cases = {
                {"--content-weight", "-1", "--content-weight must be a non-negative number, got -1.0"},
                {"--style-weight", "-2", "--style-weight must be a non-negative number, got -2.0"},
                {"--tv-weight", "Infinity", "--tv-weight must be a non-negative number, got Infinity"},
                {"--content-weight-blend", "2", "--content-weight-blend must be in [0, 1], got 2.0"},
                {"--style-layer-weight-exp", "0", "--style-layer-weight-exp must be positive, got 0.0"},
                {"--iterations", "0", "--iterations must be at least 1, got 0"},
                {"--lbfgs-history", "0", "--lbfgs-history must be at least 1, got 0"},
                {"--average-decay", "1", "--average-decay must be in [0, 1) (0: no averaging), got 1.0"},
                {"--beta1", "1.5", "--beta1 must be in [0, 1), got 1.5"},
                {"--beta2", "-0.1", "--beta2 must be in [0, 1), got -0.1"},
                {"--epsilon", "0", "--epsilon must be positive, got 0.0"},
                {"--learning-rate", "-3", "--learning-rate must be positive, got -3.0"},
                {"--learning-rate-decay", "2", "--learning-rate-decay must be in (0, 1], got 2.0"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> choices(c[0], c[1]).options(vgg)).as(c[0])
                    .isInstanceOf(UserError.class).hasMessage(c[2]);
        }
        assertThatThrownBy(() -> choices("--learning-rate-decay", "0.9", "--learning-rate-decay-steps", "0")
                .options(vgg)).isInstanceOf(UserError.class)
                .hasMessage("--learning-rate-decay-steps must be at least 1, got 0");
    }

    /** Neural neighbours have no content term by default, so a strength there is said to change nothing. */
    @Test
    void aStrengthThatCannotActIsSaid() {
        NetworkArchitecture squeezenet = Networks.byName("squeezenet");
        StyleChoices neighbours = choices("--style-loss", "neighbours", "--style-strength", "2");
        assertThat(neighbours.strengthNotice(neighbours.options(squeezenet))).hasValueSatisfying(n ->
                assertThat(n).contains("--style-strength 2.0").contains("self-similarity").doesNotContain("\n"));
        StyleChoices withContent = choices("--style-loss", "neighbours", "--style-strength", "2", "--content-loss",
                "self-similarity");
        assertThat(withContent.strengthNotice(withContent.options(squeezenet))).isEmpty();
        StyleChoices gram = choices("--style-strength", "2");
        assertThat(gram.strengthNotice(gram.options(squeezenet))).isEmpty();
        StyleChoices plain = choices("--style-loss", "neighbours");
        assertThat(plain.strengthNotice(plain.options(squeezenet))).isEmpty();
    }
}
