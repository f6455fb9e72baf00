package org.neuralstyle.job.run;

import org.neuralstyle.job.JobListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a run: instead of dying with nothing, ask the optimisation to stop and give the main thread
 * time to write the best image so far. The JVM exits once {@link #finished()} is called (or after a grace period).
 */
public final class StopSignal implements JobListener, AutoCloseable {

    private static final long GRACE_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    public StopSignal() {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "neural-style-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean stopRequested() {
        return requested.get();
    }

    /** The outputs are written; a pending shutdown may go ahead. */
    public void finished() {
        done.countDown();
    }

    @Override
    public void close() {
        finished();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and will return now that we are done
        }
    }
}
