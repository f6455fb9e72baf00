package org.neuralstyle.job.run;

import org.neuralstyle.job.JobListener;

/** How a run's progress is shown; closed before the run's last lines are printed (a bar clears its line). */
public interface Display extends JobListener, AutoCloseable {

    @Override
    default void close() {
    }
}
