package org.neuralstyle.job.options;

/**
 * The concerns options are grouped by: the headings of {@code --help} and of the studio's form, the common ones
 * first, so that the first screen answers a new user: what goes in and out, and how much style.
 */
public enum OptionGroup {
    INPUT_OUTPUT("Input and output"),
    STYLE("Style"),
    SIZE("Size and memory"),
    COLOUR("Colour"),
    OPTIMISATION("Optimisation"),
    NETWORK("Network and weights"),
    VIDEO("Video"),
    OTHER("Other");

    private final String heading;

    OptionGroup(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
