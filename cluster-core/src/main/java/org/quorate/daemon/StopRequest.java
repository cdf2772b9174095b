package org.quorate.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place a daemon learns that it should stop: SIGTERM, SIGINT, the IPC {@code shutdown} command or a
 * fatal error. The main thread waits for it and then stops the daemon itself, so there is exactly one stop,
 * on one thread, and its exit status is the one of the first request.
 *
 * <p>Why signal handlers and not a shutdown hook: the JVM's own SIGTERM/SIGINT handling runs the hooks and
 * then exits with 128+signal (143, 130), which systemd reports as a failed unit after a plain
 * {@code systemctl stop}; the C daemons stop cleanly and exit 0. A handler that only records the request
 * cannot block and cannot deadlock with the stop: a second SIGTERM while the daemon stops is logged and
 * ignored (systemd escalates to SIGKILL after its stop timeout if a stop ever hangs). A signal that arrives
 * while the daemon is still starting is kept and acted on as soon as start-up is done.
 */
public final class StopRequest {
    private static final Logger LOG = LoggerFactory.getLogger(StopRequest.class);
    private static final int NONE = Integer.MIN_VALUE;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger status = new AtomicInteger(NONE);
    private volatile String reason = "";

    /**
     * Handles SIGTERM and SIGINT from now on as requests to stop with status 0. Where the JVM refuses the
     * handlers (started with {@code -Xrs}, or the signal is reserved), it says so and the JVM's default
     * stays: the caller's shutdown hook still stops the daemon, but the exit status is then 128+signal.
     */
    public static StopRequest withSignalHandlers() {
        StopRequest request = new StopRequest();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> request.request(0, "SIG" + signal.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.warn("Can't handle SIG{} ({}); it will stop the daemon through the JVM's shutdown and exit "
                        + "with status {}", name, e.getMessage(), 128 + ("TERM".equals(name) ? 15 : 2));
            }
        }
        return request;
    }

    /** A request without signal handlers, for in-process tests. */
    public static StopRequest withoutSignalHandlers() {
        return new StopRequest();
    }

    /**
     * Asks the daemon to stop with {@code exitStatus}; only the first request counts. Safe from any thread,
     * including a signal handler: it never blocks.
     */
    public void request(int exitStatus, String why) {
        if (status.compareAndSet(NONE, exitStatus)) {
            reason = why;
            LOG.info("Stopping ({})", why);
            requested.countDown();
        } else {
            LOG.info("{} while already stopping ({}); the stop goes on", why, reason);
        }
    }

    /** Blocks until a stop is requested; returns the exit status of the first request. */
    public int await() {
        boolean interrupted = false;
        while (true) {
            try {
                requested.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return status.get();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }
}
