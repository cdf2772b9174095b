package org.quorate.qdevice.scenario;

import java.time.Duration;

/**
 * The faults put on one node's path to qnetd, read by both networks at every message (in memory) or
 * every chunk of bytes (the loopback proxy). A cut swallows what would cross; closing a connection still
 * reaches the other end, so a cut peer is found by the heartbeat and dead-peer timers, not by a FIN.
 */
final class NodeFaults {
    private volatile boolean cutToQnetd;
    private volatile boolean cutFromQnetd;
    private volatile Duration delay = Duration.ZERO;

    void cut(QuorumNetwork.Direction direction) {
        cutToQnetd |= direction != QuorumNetwork.Direction.FROM_QNETD;
        cutFromQnetd |= direction != QuorumNetwork.Direction.TO_QNETD;
    }

    void heal() {
        cutToQnetd = false;
        cutFromQnetd = false;
        delay = Duration.ZERO;
    }

    void delay(Duration oneWay) {
        delay = oneWay;
    }

    boolean passes(boolean towardsQnetd) {
        return towardsQnetd ? !cutToQnetd : !cutFromQnetd;
    }

    Duration delay() {
        return delay;
    }
}
