package org.quorate.testsupport.lab;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls real processes in real time. Bounds are generous on purpose (a 2-core CI box running corosync,
 * a JVM and Maven at once); the failure message shows the last observed value.
 */
public final class Await {
    private Await() {
    }

    /** Polls {@code probe} every {@code every} until {@code done} holds; returns that value or throws. */
    public static <T> T until(String what, Duration timeout, Duration every, Supplier<T> probe, Predicate<T> done,
                              Function<T, String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (true) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last observed:\n" + describe.apply(last));
            }
            sleep(every);
        }
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        return until(what, timeout, Duration.ofMillis(100), probe, done, String::valueOf);
    }

    /** Sleeps {@code d} of real time; an interrupt is kept and ends the test with an exception. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
