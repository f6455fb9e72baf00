package org.neuralstyle.cli;

import org.neuralstyle.job.UserError;
import org.neuralstyle.job.options.ArgumentList;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code batch} takes what a single run takes: options of a single run (or of {@code video}, for video contents)
 * directly after the batch's own, as in {@code batch --contents photos --styles paintings --output results --width 512}.
 * Before parsing, such options and their values are moved after {@code --}, where the batch reads the options for
 * every job (still accepted as written). A word that is an option of none of them is a one-line error naming it.
 */
final class BatchArguments {

    private BatchArguments() {
    }

    /**
     * The batch's words with every job option after "--". {@code batch} is the batch command's spec, {@code single}
     * and {@code video} the specs whose options a job takes.
     */
    static List<String> normalise(CommandSpec batch, CommandSpec single, CommandSpec video, List<String> words) {
        int marker = words.indexOf("--");
        List<String> before = marker < 0 ? words : words.subList(0, marker);
        List<String> batchWords = new ArrayList<>();
        List<String> jobWords = new ArrayList<>();
        List<String> current = batchWords;
        for (String word : before) {
            if (word.startsWith("-") && word.length() > 1) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (batch.findOption(name) != null) {
                    current = batchWords;
                } else if (single.findOption(name) != null || video.findOption(name) != null) {
                    current = jobWords;
                } else if (!ArgumentList.isNumber(word)) {
                    throw new UserError("batch: " + name + " is not an option of batch, nor of a single run "
                            + "(see neural-style batch --help and neural-style --help)");
                }
            }
            current.add(word);
        }
        if (jobWords.isEmpty()) {
            return words;
        }
        List<String> normalised = new ArrayList<>(batchWords);
        normalised.add("--");
        normalised.addAll(jobWords);
        if (marker >= 0) {
            normalised.addAll(words.subList(marker + 1, words.size()));
        }
        return normalised;
    }
}
