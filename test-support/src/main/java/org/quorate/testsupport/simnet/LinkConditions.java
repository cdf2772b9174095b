package org.quorate.testsupport.simnet;

import java.time.Duration;

/**
 * How one direction of one link treats the datagrams sent over it. Every datagram is judged on its own
 * when it is sent, with the network's seeded random source:
 * <ul>
 *   <li>{@code cut}: dropped (a one-way cut is a cut on one direction only);</li>
 *   <li>{@code mtu}: dropped when the payload is larger (0: no limit), as a link without fragmentation;</li>
 *   <li>{@code dropRate}: dropped with this probability;</li>
 *   <li>otherwise it arrives after {@code delay} plus a uniform {@code [0, jitter]}, and with probability
 *       {@code reorderRate} a further {@code reorderDelay}, so that later datagrams overtake it;</li>
 *   <li>with probability {@code duplicateRate} a second copy is sent, judged the same way.</li>
 * </ul>
 * With no jitter and no reordering a direction is FIFO.
 */
public record LinkConditions(boolean cut, int mtu, double dropRate, Duration delay, Duration jitter,
                             double duplicateRate, double reorderRate, Duration reorderDelay) {
    /** A perfect link: no loss, no delay, FIFO. */
    public static final LinkConditions PERFECT =
            new LinkConditions(false, 0, 0, Duration.ZERO, Duration.ZERO, 0, 0, Duration.ZERO);

    public LinkConditions {
        probability("dropRate", dropRate);
        probability("duplicateRate", duplicateRate);
        probability("reorderRate", reorderRate);
        nonNegative("delay", delay);
        nonNegative("jitter", jitter);
        nonNegative("reorderDelay", reorderDelay);
        if (mtu < 0) {
            throw new IllegalArgumentException("link conditions: mtu " + mtu + " must be >= 0 (0: no limit)");
        }
    }

    public LinkConditions withCut(boolean value) {
        return new LinkConditions(value, mtu, dropRate, delay, jitter, duplicateRate, reorderRate, reorderDelay);
    }

    public LinkConditions withMtu(int value) {
        return new LinkConditions(cut, value, dropRate, delay, jitter, duplicateRate, reorderRate, reorderDelay);
    }

    public LinkConditions withDropRate(double value) {
        return new LinkConditions(cut, mtu, value, delay, jitter, duplicateRate, reorderRate, reorderDelay);
    }

    public LinkConditions withDelay(Duration value, Duration jitterValue) {
        return new LinkConditions(cut, mtu, dropRate, value, jitterValue, duplicateRate, reorderRate, reorderDelay);
    }

    public LinkConditions withDuplicateRate(double value) {
        return new LinkConditions(cut, mtu, dropRate, delay, jitter, value, reorderRate, reorderDelay);
    }

    public LinkConditions withReordering(double rate, Duration extraDelay) {
        return new LinkConditions(cut, mtu, dropRate, delay, jitter, duplicateRate, rate, extraDelay);
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("link conditions: " + name + " " + p + " must be in [0, 1]");
        }
    }

    private static void nonNegative(String name, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("link conditions: " + name + " " + d + " must not be negative");
        }
    }
}
