package org.quorate.time;

/**
 * The one source of time for state machines and timers. Production code uses {@link SystemClock};
 * tests drive a virtual clock so that timers and algorithms are deterministic.
 */
public interface Clock {
    /** Monotonic time in nanoseconds, for timeouts and intervals. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for status output only. */
    long currentTimeMillis();
}
