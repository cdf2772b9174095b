package org.quorate.link.scenario;

import java.time.Duration;

/**
 * How one direction of one link is degraded in a scenario: random loss, delay with jitter, an MTU (0: none)
 * above which datagrams vanish. Both testbeds can do all of it (the netns one with iptables for loss and MTU).
 */
record Shaping(double loss, Duration delay, Duration jitter, int mtu) {
    static final Shaping NONE = new Shaping(0, Duration.ZERO, Duration.ZERO, 0);

    static Shaping loss(double p) {
        return new Shaping(p, Duration.ZERO, Duration.ZERO, 0);
    }

    static Shaping mtu(int bytes) {
        return new Shaping(0, Duration.ZERO, Duration.ZERO, bytes);
    }

    Shaping withJitter(Duration base, Duration j) {
        return new Shaping(loss, base, j, mtu);
    }
}
