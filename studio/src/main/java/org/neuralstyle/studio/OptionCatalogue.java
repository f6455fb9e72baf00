package org.neuralstyle.studio;

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
     * @param group   the heading --help lists it under
     * @param choices the values it takes where they are a few words (a list to choose from); else empty
     * @param number  true for an option that takes one number
     */
    public record OptionInfo(String name, String label, String help, boolean flag, String group, List<String> choices,
                             boolean number) {

        public OptionInfo {
            choices = List.copyOf(choices);
        }
    }

    /** An option of image jobs, or of video jobs. */
    public Optional<OptionInfo> option(String name, boolean video) {
        return (video ? videoOptions : options).stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
