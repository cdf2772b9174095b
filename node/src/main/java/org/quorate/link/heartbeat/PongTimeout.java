package org.quorate.link.heartbeat;

/**
 * knet's effective pong timeout with its backoff (threads_heartbeat.c {@code _adjust_pong_timeouts},
 * {@code _link_down}): after configuration and after every down the timeout is 10 x pong_timeout, and about
 * once a second it shrinks by one multiple, down to pong_timeout + 2 x average latency. In µs, as in knet.
 */
final class PongTimeout {
    /** KNET_LINK_PONG_TIMEOUT_BACKOFF. */
    static final int BACKOFF_START = 10;
    /** KNET_LINK_PONG_TIMEOUT_LAT_MUL. */
    static final int LATENCY_MULTIPLIER = 2;

    private final long pongTimeoutUs;
    private int backoff = BACKOFF_START;
    private long adjustedUs;

    PongTimeout(long pongTimeoutUs) {
        this.pongTimeoutUs = pongTimeoutUs;
        // knet starts from its API default (2000 ms x 10) until the first adjustment a second later; corosync
        // sets the real timeout before any pong can arrive, so starting from the configured one is the same.
        this.adjustedUs = pongTimeoutUs * BACKOFF_START;
    }

    /** Once a second: one multiple less, and the latency term refreshed. */
    void decay(long latencyAverageUs) {
        if (backoff > 1) {
            backoff--;
        }
        adjustedUs = pongTimeoutUs * backoff + latencyAverageUs * LATENCY_MULTIPLIER;
    }

    /** A down: back to 10 multiples; knet recomputes the adjusted value only at the next decay. */
    void backOff() {
        backoff = BACKOFF_START;
    }

    long adjustedUs() {
        return adjustedUs;
    }

    long adjustedNanos() {
        return adjustedUs * 1000L;
    }

    int backoff() {
        return backoff;
    }

    long pongTimeoutUs() {
        return pongTimeoutUs;
    }
}
