package org.quorate.link.heartbeat;

/**
 * The pings still waiting for their pong, oldest first, by the timestamp each carries (timestamps are strictly
 * increasing, so each ping is told apart). Bounded: when full, the oldest is given up as lost.
 */
final class PingLedger {
    private final long[] sent;
    private int size;

    PingLedger(int capacity) {
        this.sent = new long[capacity];
    }

    /** Records a ping; returns how many old pings were given up as lost to make room (0 or 1). */
    int add(long timestamp) {
        int evicted = 0;
        if (size == sent.length) {
            removeAt(0);
            evicted = 1;
        }
        sent[size++] = timestamp;
        return evicted;
    }

    /** Removes the ping with this timestamp; false when it is unknown (duplicate, given up, or forged). */
    boolean answer(long timestamp) {
        for (int i = 0; i < size; i++) {
            if (sent[i] == timestamp) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Removes the pings sent before {@code cutoff} (their pongs would be discarded as late); returns how many. */
    int expireBefore(long cutoff) {
        int n = 0;
        while (n < size && sent[n] - cutoff < 0) {
            n++;
        }
        if (n > 0) {
            System.arraycopy(sent, n, sent, 0, size - n);
            size -= n;
        }
        return n;
    }

    /** Whether a ping sent after {@code timestamp} is still waiting. */
    boolean hasAfter(long timestamp) {
        return size > 0 && sent[size - 1] - timestamp > 0;
    }

    /** The oldest waiting ping sent after {@code timestamp}; call only when {@link #hasAfter} is true. */
    long oldestAfter(long timestamp) {
        for (int i = 0; i < size; i++) {
            if (sent[i] - timestamp > 0) {
                return sent[i];
            }
        }
        throw new IllegalStateException("no ping after " + timestamp);
    }

    int size() {
        return size;
    }

    private void removeAt(int i) {
        System.arraycopy(sent, i + 1, sent, i, size - i - 1);
        size--;
    }
}
