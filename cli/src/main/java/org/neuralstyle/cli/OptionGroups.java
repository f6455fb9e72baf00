package org.neuralstyle.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An argument list read as the command reads it: each option with the words that follow it up to the next option
 * (so {@code --styles a.jpg b.jpg} is one group), in either spelling ({@code --width 512}, {@code --width=512}).
 * Used to leave options out of a recorded command, and to lay a user's options over a recorded one.
 */
record OptionGroups(List<Group> groups) {

    /** One option (null for words before any option) and its words, the option's own first. */
    record Group(OptionSpec option, List<String> words) {
    }

    static OptionGroups of(CommandSpec spec, List<String> args) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (String word : args) {
            OptionSpec option = optionOf(spec, word);
            if (option != null || current == null) {
                current = new Group(option, new ArrayList<>());
                groups.add(current);
            }
            current.words().add(word);
        }
        return new OptionGroups(groups);
    }

    private static OptionSpec optionOf(CommandSpec spec, String word) {
        if (!word.startsWith("-")) {
            return null;
        }
        int equals = word.indexOf('=');
        return spec.findOption(equals < 0 ? word : word.substring(0, equals));
    }

    /** The words without the groups of options named here (by any of their names). */
    List<String> without(Set<String> names) {
        List<String> kept = new ArrayList<>();
        for (Group g : groups) {
            if (g.option() == null || Arrays.stream(g.option().names()).noneMatch(names::contains)) {
                kept.addAll(g.words());
            }
        }
        return kept;
    }

    /** Whether an option (by any of its names) is among the groups. */
    boolean has(String name) {
        return groups.stream().anyMatch(g -> g.option() != null && Arrays.asList(g.option().names()).contains(name));
    }

    /** The words of this list whose options the other does not give, then all of the other's: the other's win. */
    List<String> overlaidBy(OptionGroups given) {
        List<String> merged = new ArrayList<>();
        for (Group g : groups) {
            if (g.option() == null || given.groups.stream().noneMatch(h -> g.option().equals(h.option()))) {
                merged.addAll(g.words());
            }
        }
        given.groups.forEach(g -> merged.addAll(g.words()));
        return merged;
    }
}
