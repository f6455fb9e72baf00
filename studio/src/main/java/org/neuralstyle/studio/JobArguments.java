package org.neuralstyle.studio;

import org.neuralstyle.job.StyleChoices;

import org.neuralstyle.io.ShellWords;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a job into the command line program's arguments: inputs from the upload store, the preset's values,
 * then the user's (which win), the seed and the output. Option names must be in the catalogue (which leaves out
 * every option that names a file), so no job can make the server read or write a path of the user's choosing.
 */
final class JobArguments {

    static final int MAX_STYLES = 8;
    private static final int MAX_VALUE_LENGTH = 200;

    private final OptionCatalogue catalogue;
    private final Uploads uploads;

    JobArguments(OptionCatalogue catalogue, Uploads uploads) {
        this.catalogue = catalogue;
        this.uploads = uploads;
    }

    /**
     * The arguments of a run that writes {@code output} ({@code neural-style video ...} for a video); a bad spec is
     * a 400 naming what is wrong.
     */
    List<String> of(JobSpec spec, Path output, boolean video) {
        if (spec.content() == null) {
            throw ApiError.badRequest("content: choose a content image");
        }
        if (spec.styles().isEmpty() || spec.styles().size() > MAX_STYLES) {
            throw ApiError.badRequest("styles: choose 1 to " + MAX_STYLES + " style images, got " + spec.styles().size());
        }
        if (!spec.styleWeights().isEmpty() && spec.styleWeights().size() != spec.styles().size()) {
            throw ApiError.badRequest("styleWeights: " + spec.styleWeights().size() + " weights for "
                    + spec.styles().size() + " styles");
        }
        List<String> args = new ArrayList<>();
        if (video) {
            args.add("video");
        }
        args.add("--content");
        args.add(uploads.path(spec.content(), "content").toString());
        args.add("--styles");
        for (String style : spec.styles()) {
            if (Uploads.isVideo(style)) {
                throw ApiError.badRequest("styles: a style is an image, not a video");
            }
            args.add(uploads.path(style, "styles").toString());
        }
        if (!spec.styleWeights().isEmpty()) {
            List<String> weights = new ArrayList<>();
            for (Double w : spec.styleWeights()) {
                if (w == null || !(w > 0) || Double.isInfinite(w)) {
                    throw ApiError.badRequest("styleWeights: each weight must be a positive number, got " + w);
                }
                weights.add(Double.toString(w));
            }
            args.add("--style-blend-weights");
            args.add(String.join(",", weights));
        }
        if (!spec.masks().isEmpty()) {
            if (spec.masks().size() != spec.styles().size()) {
                throw ApiError.badRequest("masks: " + spec.masks().size() + " masks for " + spec.styles().size()
                        + " styles (\"\" for a style painted everywhere)");
            }
            if (spec.masks().stream().anyMatch(m -> !m.isEmpty())) {
                List<String> masks = new ArrayList<>();
                for (String mask : spec.masks()) {
                    if (Uploads.isVideo(mask)) {
                        throw ApiError.badRequest("masks: a mask is an image, not a video");
                    }
                    masks.add(mask.isEmpty() ? StyleChoices.EVERYWHERE : uploads.path(mask, "masks").toString());
                }
                args.add("--style-masks");
                args.add(String.join(",", masks));
            }
        }
        String network = spec.network() == null ? catalogue.defaultNetwork() : spec.network();
        if (!catalogue.networks().containsKey(network)) {
            throw ApiError.badRequest("network: '" + network + "' is not offered here (" 
                    + String.join(", ", catalogue.networks().keySet()) + ")");
        }
        args.add("--network");
        args.add(network);
        String weights = catalogue.networks().get(network);
        if (weights != null) {
            args.add("--weights");
            args.add(weights);
        }
        Map<String, String> preset = preset(spec);
        Map<String, String> options = new LinkedHashMap<>();
        // A preset's values that a video run has no option for (16-bit output, say) do not apply to it.
        preset.forEach((name, value) -> {
            if (catalogue.option(name, video).isPresent()) {
                options.put(name, value);
            }
        });
        options.putAll(spec.options());
        options.remove("--seed");
        for (Map.Entry<String, String> option : options.entrySet()) {
            OptionCatalogue.OptionInfo info = catalogue.option(option.getKey(), video).orElseThrow(() ->
                    ApiError.badRequest("options: " + option.getKey() + " is not an option a studio "
                            + (video ? "video" : "image") + " job can set"));
            String value = option.getValue() == null ? "" : option.getValue().trim();
            if (info.flag()) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw ApiError.badRequest(info.name() + ": is on or off (true or false), got '" + value + "'");
                }
                boolean on = value.equalsIgnoreCase("true");
                if (on != info.on()) { // only what differs from the option's default
                    args.add(on ? info.name() : "--no-" + info.name().substring(2));
                }
            } else if (!value.isEmpty()) {
                if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                    throw ApiError.badRequest(info.name() + ": not a value this option takes");
                }
                args.add(info.name());
                args.add(value);
            }
        }
        if (spec.seed() != null) {
            args.add("--seed");
            args.add(Long.toString(spec.seed()));
        }
        args.add("--output");
        args.add(output.toString());
        return args;
    }

    /** The preset's values (none without a preset). */
    private Map<String, String> preset(JobSpec spec) {
        if (spec.preset() == null || spec.preset().isEmpty()) {
            return Map.of();
        }
        Map<String, String> preset = catalogue.presets().get(spec.preset());
        if (preset == null) {
            throw ApiError.badRequest("preset: unknown preset '" + spec.preset() + "' ("
                    + String.join(", ", catalogue.presets().keySet()) + ")");
        }
        return preset;
    }

    /** The command a user can paste into a shell: the program's name and its arguments, quoted where needed. */
    static String shellCommand(List<String> args) {
        return "neural-style " + ShellWords.quote(args);
    }

    /** A file name for a copied command's output, in the folder the user runs it from. */
    /** The file a download is saved as: the job's title in file-name letters ("chelsea-starry_night.png"), else its id. */
    static String downloadName(JobRecord job) {
        String title = job.spec().title();
        String stem = title == null ? "" : title.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (stem.isEmpty()) {
            return copiedOutputName(job.id(), job.kind());
        }
        return stem + (JobRecord.VIDEO.equals(job.kind()) ? ".mp4" : ".png");
    }

    static String copiedOutputName(String jobId, String kind) {
        return "stylized-" + jobId.toLowerCase(Locale.ROOT) + (JobRecord.VIDEO.equals(kind) ? ".mp4" : ".png");
    }
}
