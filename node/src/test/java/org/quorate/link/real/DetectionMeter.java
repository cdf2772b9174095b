package org.quorate.link.real;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.quorate.time.Clock;

/**
 * Measures a {@link DetectionProbe}: from the moment {@link DetectionProbe#cut()} returns until the probe shows
 * the link disconnected, and from {@link DetectionProbe#heal()} until it shows it connected again, polling every
 * {@code poll}. The resolution is the poll period plus one status query. Between repetitions it waits
 * {@code settle}, so the next cut meets a link in steady state (knet multiplies the pong timeout by 10 after a
 * link comes up and takes one multiple off per second).
 */
final class DetectionMeter {
    /** The time to detection and to recovery of one repetition. */
    record Run(Duration detected, Duration recovered) {
    }

    /** min/median/max of a list of durations, in milliseconds. */
    record Figures(long minMs, long medianMs, long maxMs) {
        static Figures of(List<Duration> values) {
            List<Long> ms = values.stream().map(Duration::toMillis).sorted().toList();
            if (ms.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
            int n = ms.size();
            long median = n % 2 == 1 ? ms.get(n / 2) : (ms.get(n / 2 - 1) + ms.get(n / 2)) / 2;
            return new Figures(ms.get(0), median, ms.get(n - 1));
        }

        @Override
        public String toString() {
            return "min " + minMs + " ms, median " + medianMs + " ms, max " + maxMs + " ms";
        }
    }

    /** Sleeps on the meter's clock (real time in the lab, virtual time in its unit test). */
    interface Sleeper {
        void sleep(Duration d);
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;
    private final Duration limit;

    DetectionMeter(Clock clock, Sleeper sleeper, Duration poll, Duration limit) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
        this.limit = limit;
    }

    List<Run> measure(DetectionProbe probe, int repetitions, Duration settle, Consumer<String> log) {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= repetitions; i++) {
            sleeper.sleep(settle);
            if (probe.isDisconnected()) {
                throw new IllegalStateException(probe.name() + ": disconnected before cut " + i);
            }
            probe.cut();
            Duration detected = until(probe, true, "cut " + i);
            probe.heal();
            Duration recovered = until(probe, false, "heal " + i);
            runs.add(new Run(detected, recovered));
            log.accept(probe.name() + " run " + i + ": detected in " + detected.toMillis() + " ms, connected again in "
                    + recovered.toMillis() + " ms");
        }
        return runs;
    }

    private Duration until(DetectionProbe probe, boolean disconnected, String what) {
        long start = clock.nanoTime();
        while (true) {
            if (probe.isDisconnected() == disconnected) {
                return Duration.ofNanos(clock.nanoTime() - start);
            }
            if (clock.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError(probe.name() + ": not " + (disconnected ? "disconnected" : "connected")
                        + " within " + limit + " after " + what);
            }
            sleeper.sleep(poll);
        }
    }
}
