package org.quorate.time;

import java.util.concurrent.TimeUnit;

/**
 * Runs tasks after a delay, on one logical thread. Production code adapts a Netty event loop;
 * tests use a virtual scheduler whose time only moves when the test advances it.
 */
public interface Scheduler extends Clock {
    /** Schedules {@code task} to run once after {@code delay}. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /** Runs {@code task} on the scheduler's thread as soon as possible. */
    void execute(Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        /** Cancels the task if it has not run yet; harmless if it has. */
        void cancel();
    }
}
