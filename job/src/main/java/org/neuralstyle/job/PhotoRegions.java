package org.neuralstyle.job;

import org.neuralstyle.algorithm.ContentRegions;
import org.neuralstyle.algorithm.StyleImage;
import org.neuralstyle.algorithm.StyleRegion;
import org.neuralstyle.image.ImageFiles;
import org.neuralstyle.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Styles placed by the photo itself ({@code --regions-from colours|luminance[:T]}): the rule read from the option,
 * the regions it finds on the photo at the output's size, and those regions written beside the output
 * ({@code OUTPUT.region-K.png}) as masks the user can edit and give back with {@code --style-masks}.
 */
final class PhotoRegions {

    private final List<StyleImage> styles;
    private final List<Path> files;

    private PhotoRegions(List<StyleImage> styles, List<Path> files) {
        this.styles = styles;
        this.files = files;
    }

    /**
     * The rule an option value names, for this many styles: the photo's colours in as many clusters as styles, darkest
     * first (seeded by the run's seed), or its bright part and then its dark part; a one-line error otherwise.
     */
    static Function<RgbImage, List<StyleRegion>> rule(String option, int count, Long seed) {
        String rule = option.trim().toLowerCase(Locale.ROOT);
        if (rule.equals("colours") || rule.equals("colors")) {
            if (count > 8) {
                throw new UserError("--regions-from colours: at most 8 regions, one per style, not " + count);
            }
            long clusterSeed = seed != null ? seed : 0;
            return photo -> ContentRegions.colours(photo, count, clusterSeed);
        }
        if (rule.equals("luminance") || rule.startsWith("luminance:")) {
            if (count > 2) {
                throw new UserError("--regions-from luminance: places one or two styles (the bright part, then the "
                        + "dark part), not " + count);
            }
            double threshold = rule.startsWith("luminance:") ? threshold(rule.substring("luminance:".length())) : 0.5;
            return photo -> ContentRegions.luminance(photo, threshold, count);
        }
        throw new UserError("--regions-from: colours or luminance[:T], got '" + option + "'");
    }

    private static double threshold(String given) {
        double threshold;
        try {
            threshold = Double.parseDouble(given);
        } catch (NumberFormatException e) {
            threshold = Double.NaN;
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UserError("--regions-from luminance:T: T is a luminance from 0 to 1, got '" + given + "'");
        }
        return threshold;
    }

    /**
     * The styles placed by the rule on the photo (at the output's size); their files beside {@code output}, checked
     * free to write now (before any work).
     */
    static PhotoRegions find(String option, Long seed, RgbImage photo, List<StyleImage> styles, Path output,
                             boolean overwrite) {
        List<StyleRegion> regions = rule(option, styles.size(), seed).apply(photo);
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        List<StyleImage> placed = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            placed.add(styles.get(i).withRegion(regions.get(i)));
            Path file = output.resolveSibling(stem + ".region-" + (i + 1) + ".png");
            OutputFiles.requireWritableImage(file, overwrite, "--regions-from");
            files.add(file);
        }
        return new PhotoRegions(List.copyOf(placed), List.copyOf(files));
    }

    List<StyleImage> styles() {
        return styles;
    }

    /** Writes the regions as grey masks (white: the style here) and says where they are. */
    void write(JobListener listener) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            StyleRegion region = styles.get(i).region();
            float[] w = region.weights();
            float[] rgb = new float[w.length * 3];
            for (int p = 0; p < w.length; p++) {
                rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = w[p] * 255;
            }
            ImageFiles.write(new RgbImage(region.width(), region.height(), rgb), files.get(i));
        }
        listener.onNote("note: the styles' regions are in " + files.stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + " (edit them and give them back with --style-masks)");
    }
}
