package org.quorate.link.transport;

import java.time.Duration;

/**
 * Loss, delay and jitter applied to received datagrams in user space: the stand-in for {@code tc netem} on
 * kernels without sch_netem. Loss is per datagram with probability {@code loss}; each kept datagram waits
 * {@code delay} plus a uniform offset in [-jitter, +jitter] (never below zero), so jitter reorders, as netem's
 * does. Seeded: one seed gives one sequence of decisions.
 */
public record RxImpairment(double loss, Duration delay, Duration jitter, long seed) {
    public static final RxImpairment NONE = new RxImpairment(0, Duration.ZERO, Duration.ZERO, 0);

    public RxImpairment {
        if (!(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("rx loss: a probability 0..1, not " + loss);
        }
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("rx delay and jitter must be >= 0, not " + delay + " and " + jitter);
        }
    }

    public boolean isNone() {
        return loss == 0 && delay.isZero() && jitter.isZero();
    }
}
