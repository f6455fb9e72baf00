package org.neuralstyle.cli;

import me.tongfei.progressbar.ProgressBar;

import java.io.PrintWriter;

/** A line printed while a progress bar is shown: the bar's line cleared first, so the line starts clean. */
final class AboveTheBar {

    private AboveTheBar() {
    }

    /** Prints a line, above the bar where there is one (null: none). */
    static void print(ProgressBar bar, PrintWriter out, String line) {
        if (bar != null) {
            bar.pause();
            System.err.print("\r\033[K");
            System.err.flush();
        }
        out.println(line);
        out.flush();
        if (bar != null) {
            bar.resume();
        }
    }
}
