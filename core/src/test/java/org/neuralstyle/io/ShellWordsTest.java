package org.neuralstyle.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quoting and splitting are each other's inverse, and splitting reads what a POSIX shell reads. */
class ShellWordsTest {

    @Test
    void splitReadsWhatQuoteWrites() {
        List<String> words = List.of("neural-style", "--content", "my photo.jpg", "it's", "", "a\\b", "\"q\"", "$HOME", "Åsa");
        assertThat(ShellWords.split(ShellWords.quote(words))).isEqualTo(words);
    }

    @Test
    void splitsAsAShellDoes() {
        assertThat(ShellWords.split("  a  'b c'  \"d \\\"e\\\" \\x\"  f\\ g h''i ")).containsExactly("a", "b c", "d \"e\" \\x", "f g", "hi");
        assertThat(ShellWords.split("")).isEmpty();
        assertThatThrownBy(() -> ShellWords.split("a 'b")).hasMessageContaining("single quote");
        assertThatThrownBy(() -> ShellWords.split("a \"b")).hasMessageContaining("double quote");
    }
}
