package org.neuralstyle.studio;

import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.options.JobOption;
import org.neuralstyle.job.options.JobOptions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options a studio job may set (those of the command line, less the ones the studio decides: inputs,
 * output, overwriting), for image jobs and for video jobs ({@code neural-style video}), the presets, and the
 * networks this server offers.
 *
 * @param presets  name -> option values, e.g. preview -> {--width: 256, --iterations: 150}
 * @param networks name -> weights file, or null for the command line's own default lookup
 */
public record OptionCatalogue(List<OptionInfo> options, List<OptionInfo> videoOptions,
                              Map<String, Map<String, String>> presets, Map<String, String> networks,
                              String defaultNetwork) {

    public OptionCatalogue {
        options = List.copyOf(options);
        videoOptions = List.copyOf(videoOptions);
        presets = Map.copyOf(presets);
        Objects.requireNonNull(networks, "networks");
        if (!networks.containsKey(defaultNetwork)) {
            throw new IllegalArgumentException("the default network " + defaultNetwork + " is not offered");
        }
    }

    /**
     * One option as the command line defines it.
     *
     * @param help    the description with its default filled in, as --help shows it
     * @param flag    true for an option that takes no value
     * @param on      true for a flag that is on unless turned off ({@code --no-NAME})
     * @param group   the heading --help lists it under
     * @param choices the values it takes where they are a few words (a list to choose from); else empty
     * @param number  true for an option that takes one number
     */
    public record OptionInfo(String name, String label, String help, boolean flag, boolean on, String group,
                             List<String> choices, boolean number) {

        public OptionInfo {
            choices = List.copyOf(choices);
        }
    }

    /**
     * The presets the page offers: a fast look, the defaults at a screen size, neural neighbours painted coarse to
     * fine from 128 px as their paper does (broad strokes in the painting's own palette, docs/neighbours.md; about
     * twice Gram's time and 2 to 3 times its memory, so not the default) and a print-size 16-bit output.
     */
    public static final Map<String, Map<String, String>> PRESETS = Map.of(
            "preview", Map.of("--width", "256", "--iterations", "150"),
            "quality", Map.of("--width", "768"),
            "painterly", Map.of("--style-loss", "neighbours", "--coarsest-width", "128"),
            "print", Map.of("--width", "2400", "--bit-depth", "16"));

    /**
     * The options of the jobs' own table ({@link JobOptions}) that a studio job may set, with the help and defaults
     * --help shows, the presets above, and the networks this server offers.
     *
     * @param networks network name -> weights file (null: the program's own lookup)
     */
    public static OptionCatalogue of(Map<String, String> networks, String defaultNetwork) {
        return new OptionCatalogue(infos(JobKind.IMAGE), infos(JobKind.VIDEO), PRESETS, networks, defaultNetwork);
    }

    private static List<OptionInfo> infos(JobKind kind) {
        return JobOptions.of(kind).stream().filter(JobOption::forStudio).map(OptionCatalogue::info).toList();
    }

    private static OptionInfo info(JobOption option) {
        String label = option.label();
        // "adam|lbfgs": a list to choose from; a number: one value of a numeric type (not a comma list).
        List<String> choices = label.matches("[a-z0-9-]+(\\|[a-z0-9-]+)+") ? List.of(label.split("\\|")) : List.of();
        boolean number = choices.isEmpty() && option.shape() == JobOption.Shape.VALUE
                && Number.class.isAssignableFrom(option.type());
        return new OptionInfo(option.name(), label, option.help(), !option.takesValue(),
                option.shape() == JobOption.Shape.SWITCH, option.group().heading(), choices, number);
    }

    /** An option of image jobs, or of video jobs. */
    public Optional<OptionInfo> option(String name, boolean video) {
        return (video ? videoOptions : options).stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
