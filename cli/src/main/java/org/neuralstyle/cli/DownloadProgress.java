package org.neuralstyle.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralstyle.job.JobListener;

/** A download's progress on a terminal: a bar in MB. */
final class DownloadProgress implements JobListener.Download {

    private ProgressBar bar;

    @Override
    public void update(long bytes, long total) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("download").setInitialMax(Math.max(total, 1))
                    .setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 99)).build();
        }
        bar.stepTo(bytes);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
