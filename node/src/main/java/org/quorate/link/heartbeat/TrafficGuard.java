package org.quorate.link.heartbeat;

/**
 * Quorate's failover rule, apart from corosync's down rule: an up link stops carrying traffic after
 * {@code failoverMisses} overdue rounds in a row, and gets it back after {@code recoveryPongs} good pongs in a
 * row. A round is the last ping (periodic or probe) sent; it is overdue once a pong is late for the oldest
 * ping still unanswered and the newest ping has had its own grace too. Times are the caller's nanoseconds.
 */
final class TrafficGuard {
    /** Ping stamps run a few ns ahead of the tick that sent them (they are made distinct): never a real delay. */
    private static final long STAMP_SLACK_NANOS = 1000;

    private final int failoverMisses;
    private final int recoveryPongs;

    private boolean pending;
    private long pendingSince;
    private boolean answeredAny;
    private long newestAnswered;
    private long lastSent;
    private boolean roundCounted = true;
    private int misses;
    private int goodInARow;
    private boolean carries;

    TrafficGuard(int failoverMisses, int recoveryPongs) {
        this.failoverMisses = failoverMisses;
        this.recoveryPongs = recoveryPongs;
    }

    void sent(long timestamp, long nowNanos) {
        lastSent = nowNanos;
        roundCounted = false;
        if (!pending) {
            pending = true;
            pendingSince = timestamp;
        }
    }

    /**
     * A pong in time for the ping stamped {@code timestamp}, already taken out of {@code ledger}. Returns false
     * for a pong to a ping older than one already answered (reordered): it says nothing new about the link.
     */
    boolean answered(long timestamp, PingLedger ledger) {
        if (answeredAny && timestamp - newestAnswered <= 0) {
            return false;
        }
        answeredAny = true;
        newestAnswered = timestamp;
        pending = ledger.hasAfter(timestamp);
        if (pending) {
            pendingSince = ledger.oldestAfter(timestamp);
        }
        misses = 0;
        goodInARow++;
        return true;
    }

    /** Counts the current round as missed when it is overdue; returns whether it just was. */
    boolean countOverdueRound(long now, long graceNanos, long probeIntervalNanos) {
        if (!pending || roundCounted || now - pendingSince + STAMP_SLACK_NANOS < graceNanos
                || now - lastSent < Math.max(graceNanos, probeIntervalNanos)) {
            return false;
        }
        roundCounted = true;
        misses++;
        goodInARow = 0;
        return true;
    }

    /** Up and carrying traffic, until the misses say otherwise; returns whether it changed. */
    boolean failOverIfDue() {
        if (carries && misses >= failoverMisses) {
            carries = false;
            return true;
        }
        return false;
    }

    /** Whether the good pongs in a row give a failed-over link its traffic back; returns whether it changed. */
    boolean recoverIfDue() {
        if (!carries && goodInARow >= recoveryPongs) {
            carries = true;
            return true;
        }
        return false;
    }

    /** The link came up: it carries traffic (the pong count already asked for pongs). */
    void up() {
        carries = true;
        misses = 0;
    }

    /** The link went down: nothing carried until it is up again. */
    void down() {
        carries = false;
        misses = 0;
        goodInARow = 0;
    }

    boolean carries() {
        return carries;
    }

    boolean suspect(long now, long graceNanos) {
        return pending && now - pendingSince + STAMP_SLACK_NANOS >= graceNanos;
    }

    long pendingSince() {
        return pendingSince;
    }

    int misses() {
        return misses;
    }

    int goodInARow() {
        return goodInARow;
    }
}
