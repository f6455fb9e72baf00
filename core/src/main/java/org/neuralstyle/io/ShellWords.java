package org.neuralstyle.io;

import java.util.List;
import java.util.regex.Pattern;

/** Words as a POSIX shell reads them back: plain where that is safe, else in single quotes. */
public final class ShellWords {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:,=+@%-]+");

    private ShellWords() {
    }

    public static String quote(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
