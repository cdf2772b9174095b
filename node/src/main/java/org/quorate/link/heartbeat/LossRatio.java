package org.quorate.link.heartbeat;

/** The fraction of pings without a pong in time, as an exponentially weighted moving average. */
final class LossRatio {
    private final double weight;
    private double value;

    LossRatio(double weight) {
        this.weight = weight;
    }

    void answered() {
        value += weight * (0.0 - value);
    }

    void lost(int count) {
        for (int i = 0; i < count; i++) {
            value += weight * (1.0 - value);
        }
    }

    double value() {
        return value;
    }
}
