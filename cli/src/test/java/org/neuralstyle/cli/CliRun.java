package org.neuralstyle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    private static final Pattern LINE = Pattern.compile(
            "^iteration (\\d+)/\\d+ +total (\\S+) +content (\\S+) +style (\\S+) +tv (\\S+)", Pattern.MULTILINE);

    /**
     * Runs with the defaults, replacing the value of each option given in overrides or adding it;
     * an override not followed by a value (a flag such as --overwrite) is added as it is.
     */
    static CliRun withOverrides(List<String> defaults, String... overrides) {
        return of(overridden(defaults, overrides).toArray(String[]::new));
    }

    /** The defaults with each option given in overrides replaced or added (a flag without a value is added). */
    static List<String> overridden(List<String> defaults, String... overrides) {
        List<String> args = new ArrayList<>(defaults);
        for (int i = 0; i < overrides.length; i += 2) {
            if (i + 1 == overrides.length || overrides[i + 1].startsWith("--")) {
                args.add(overrides[i--]);
                continue;
            }
            int at = args.indexOf(overrides[i]);
            if (at >= 0) {
                args.set(at + 1, overrides[i + 1]);
            } else {
                args.add(overrides[i]);
                args.add(overrides[i + 1]);
            }
        }
        return args;
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The total loss of each printed iteration line, in order. */
    List<Double> totals() {
        return column(2);
    }

    /** The style loss of each printed iteration line, in order. */
    List<Double> styleLosses() {
        return column(4);
    }

    private List<Double> column(int group) {
        List<Double> values = new ArrayList<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(group)));
        }
        return values;
    }
}
