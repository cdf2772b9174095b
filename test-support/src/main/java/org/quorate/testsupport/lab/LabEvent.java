package org.quorate.testsupport.lab;

import java.time.Instant;

/**
 * Something the lab did (start, signal, cut, heal, link down...), stamped with wall-clock time and
 * {@link System#nanoTime()} so it can be compared with {@link QuorumSampler} timelines.
 */
public record LabEvent(Instant at, long nanos, String what) {

    static LabEvent now(String what) {
        return new LabEvent(Instant.now(), System.nanoTime(), what);
    }

    @Override
    public String toString() {
        return at + " " + what;
    }
}
