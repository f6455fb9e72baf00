package org.neuralstyle.cli;

import org.neuralstyle.job.run.RunWords;

import java.io.PrintWriter;

/** A job's words on the console ({@link RunWords}), a download's progress as a bar on a terminal. */
final class ConsoleListener extends RunWords {

    private final boolean terminal;

    ConsoleListener(PrintWriter out, PrintWriter err, boolean terminal) {
        super(out, err);
        this.terminal = terminal;
    }

    @Override
    public Download onDownload(String fileName) {
        return terminal ? new DownloadProgress() : super.onDownload(fileName);
    }
}
