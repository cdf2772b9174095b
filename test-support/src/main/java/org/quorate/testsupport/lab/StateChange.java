package org.quorate.testsupport.lab;

import java.time.Instant;

/** A node's quorum state as first seen by a {@link QuorumSampler}; {@code nanos} is {@link System#nanoTime()}. */
public record StateChange(String host, Instant at, long nanos, QuorumStatus status) {

    @Override
    public String toString() {
        return at + " " + host + " " + status.compact();
    }
}
