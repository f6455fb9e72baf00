package org.neuralstyle.cli;

import org.neuralstyle.job.JobListener;

import java.io.PrintWriter;

/**
 * A job's words on the console: notes and warnings on the error stream behind the program's name, status lines on
 * standard output, a download's progress as a bar on a terminal (lines otherwise).
 */
final class ConsoleListener implements JobListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    ConsoleListener(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onNote(String line) {
        err.println("neural-style: " + line);
    }

    @Override
    public void onStatus(String line) {
        out.println(line);
    }

    @Override
    public Download onDownload(String fileName) {
        return new DownloadProgress(err, terminal, fileName);
    }
}
