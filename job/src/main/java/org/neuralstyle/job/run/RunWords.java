package org.neuralstyle.job.run;

import org.neuralstyle.job.JobListener;

import java.io.PrintWriter;

/**
 * A job's words as lines: notes and warnings on the error stream behind the program's name, status lines on standard
 * output, a download's progress a line every tenth.
 */
public class RunWords implements JobListener {

    /** What a line of the program's own begins with. */
    public static final String PROGRAM = "neural-style: ";

    private final PrintWriter out;
    private final PrintWriter err;

    public RunWords(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onNote(String line) {
        err.println(PROGRAM + line);
    }

    @Override
    public void onStatus(String line) {
        out.println(line);
    }

    @Override
    public Download onDownload(String fileName) {
        return new DownloadLines(err, fileName);
    }

    /** A download's progress: a line every 10%. */
    private static final class DownloadLines implements Download {

        private final PrintWriter err;
        private final String name;
        private int lastTenth = -1;

        DownloadLines(PrintWriter err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void update(long bytes, long total) {
            if (total > 0) {
                int tenth = (int) (10 * bytes / total);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    err.printf("download %s: %d%% (%d of %d MB)%n", name, tenth * 10, bytes / 1_000_000,
                            total / 1_000_000);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
