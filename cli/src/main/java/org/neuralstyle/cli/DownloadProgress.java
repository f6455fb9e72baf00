package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.job.JobListener;

import java.io.PrintWriter;

/** A download's progress: a bar in MB on a terminal, a line every 10% otherwise. */
final class DownloadProgress implements JobListener.Download {

    private final PrintWriter err;
    private final boolean terminal;
    private final String name;
    private ProgressBar bar;
    private int lastTenth = -1;

    DownloadProgress(PrintWriter err, boolean terminal, String name) {
        this.err = err;
        this.terminal = terminal;
        this.name = name;
    }

    @Override
    public void update(long bytes, long total) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("download").setInitialMax(Math.max(total, 1))
                        .setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err, 99)).build();
            }
            bar.stepTo(bytes);
        } else if (total > 0) {
            int tenth = (int) (10 * bytes / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.printf("download %s: %d%% (%d of %d MB)%n", name, tenth * 10, bytes / 1_000_000, total / 1_000_000);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
