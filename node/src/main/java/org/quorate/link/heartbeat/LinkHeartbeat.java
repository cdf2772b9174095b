package org.quorate.link.heartbeat;

import org.quorate.link.config.LinkSpec;
import org.quorate.state.StateMachine;

/**
 * The heartbeat of one link to one host. Single-threaded; every time is the caller's clock in nanoseconds.
 *
 * <p>Up and down follow knet (threads_heartbeat.c): a ping every ping interval, checked on the tick; a pong
 * later than pong_timeout is discarded; the pong after pong_count counted pongs brings the link up; the link
 * is down when no pong came for pong_timeout x backoff + 2 x average latency. Quorate adds two things that do
 * not change those rules for a dead link: {@link #carriesTraffic()} turns false after a few overdue rounds
 * (failover long before the down), and, while a pong is overdue, suspicion probes go out at a faster rate so
 * that a down really means many pings lost in a row (see {@link HeartbeatTuning}).
 */
public final class LinkHeartbeat {
    private final LinkSpec spec;
    private final HeartbeatTuning tuning;
    private final long pingIntervalNanos;
    private final long pongTimeoutNanos;
    private final long probeIntervalNanos;
    private final long ticksPerSecond;
    private final StateMachine<LinkState> state;
    private final PongTimeout timeout;
    private final LatencyAverage latency;
    private final PingLedger ledger;
    private final LossRatio loss;
    private final TrafficGuard traffic;

    private long ticks;
    private boolean pinged;
    private long pingLast;
    private long lastStamp;
    private boolean ponged;
    private long pongLast;
    private int receivedPongs;
    private long upCount;
    private long downCount;

    public LinkHeartbeat(LinkSpec spec, HeartbeatTuning tuning, long nowNanos) {
        this.spec = spec;
        this.tuning = tuning;
        this.pingIntervalNanos = spec.pingInterval().toNanos();
        this.pongTimeoutNanos = spec.pongTimeout().toNanos();
        this.probeIntervalNanos = pingIntervalNanos / tuning.probeDivisor();
        long tickNanos = tuning.tick().toNanos();
        this.ticksPerSecond = Math.max(1, 1_000_000_000L / tickNanos);
        this.state = StateMachine.of("heartbeat of link " + spec.linkId(), LinkState.TABLE, LinkState.DOWN);
        this.timeout = new PongTimeout(pongTimeoutNanos / 1000);
        this.latency = new LatencyAverage(spec.pingPrecision());
        int roundsInTimeout = (int) Math.min(64, pongTimeoutNanos / tickNanos + 2);
        this.ledger = new PingLedger(roundsInTimeout * (tuning.probesPerRound() + 1));
        this.loss = new LossRatio(tuning.lossSmoothing());
        this.traffic = new TrafficGuard(tuning.failoverMisses(), tuning.recoveryPongs());
        this.lastStamp = nowNanos - 1;
    }

    /** Called every {@link HeartbeatTuning#tick()}: sends due pings, declares the link down on timeout. */
    public void onTick(long nowNanos, HeartbeatOutbox out) {
        // knet adjusts the timeouts before it sends, on every fifth 200 ms pass of the heartbeat thread
        if (++ticks % ticksPerSecond == 0) {
            timeout.decay(latency.averageUs());
        }
        loss.lost(ledger.expireBefore(nowNanos - pongTimeoutNanos));
        // judged before this tick's periodic ping, which would otherwise look like a fresh, unanswered round
        boolean missedRound = traffic.countOverdueRound(nowNanos, overdueGraceNanos(), probeIntervalNanos);
        boolean periodic = !pinged || nowNanos - pingLast >= pingIntervalNanos;
        if (periodic) {
            pinged = true;
            pingLast = nowNanos;
            send(nowNanos, false, out);
        }
        if (ponged && nowNanos - pongLast >= timeout.adjustedNanos()) {
            linkDown(nowNanos, downReason(nowNanos), out);
            return;
        }
        if (missedRound && connected()) {
            failOverAndProbe(nowNanos, periodic, out);
        }
    }

    /** A pong echoing {@code echoedTimestampNanos} arrived on this link. */
    public void onPong(long nowNanos, long echoedTimestampNanos, HeartbeatOutbox out) {
        long latencyNanos = nowNanos - echoedTimestampNanos;
        if (latencyNanos < 0) {
            return; // echoes a time we have not reached: not one of our pings
        }
        ponged = true;
        pongLast = nowNanos; // knet refreshes pong_last even for a pong it then discards as late
        boolean ours = ledger.answer(echoedTimestampNanos);
        long latencyUs = latencyNanos / 1000;
        if (latencyUs > timeout.pongTimeoutUs()) {
            if (ours) {
                loss.lost(1);
            }
            return;
        }
        latency.add(latencyUs);
        if (ours) {
            loss.answered();
            traffic.answered(echoedTimestampNanos, ledger);
        }
        if (latency.averageUs() < timeout.adjustedUs() && !state.current().connected()) {
            countPong(nowNanos, out);
        }
        if (state.current().connected() && traffic.recoverIfDue()) {
            out.trafficChanged(true, traffic.goodInARow() + " good pongs in a row");
        }
    }

    /**
     * Data arrived on this link while its host had no connected link: knet's "fast data up" brings the link up
     * when at least one pong was already counted. Returns whether the link is now up.
     */
    public boolean onDataWhileUnreachable(long nowNanos, HeartbeatOutbox out) {
        if (state.is(LinkState.CONNECTING)) {
            up(nowNanos, "data while the host was unreachable, after " + receivedPongs + " counted pong(s)", out);
        }
        return state.current().connected();
    }

    /**
     * The transport says the link cannot work (socket closed, address gone): down now, as knet does when its
     * transport is not connected. A link already down stays down.
     */
    public void forceDown(long nowNanos, String reason, HeartbeatOutbox out) {
        linkDown(nowNanos, reason, out);
    }

    public LinkState state() {
        return state.current();
    }

    /** Declared up (corosync's "connected"). */
    public boolean connected() {
        return state.current().connected();
    }

    /** Connected and answering in time: preferred for traffic (false while pongs are overdue). */
    public boolean carriesTraffic() {
        return connected() && traffic.carries();
    }

    public LinkScore score() {
        return new LinkScore(loss.value(), latency.minUs(), latency.averageUs(), latency.maxUs(), latency.samples(),
                upCount, downCount, ponged ? pongLast : -1);
    }

    /** knet's pong_timeout_adj in µs: what "no pong for" must reach before the link is down. */
    public long effectivePongTimeoutUs() {
        return timeout.adjustedUs();
    }

    public LinkSpec spec() {
        return spec;
    }

    /** A pong is overdue max(2 x average latency, the floor) after its ping. */
    private long overdueGraceNanos() {
        return Math.max(PongTimeout.LATENCY_MULTIPLIER * latency.averageUs() * 1000, tuning.overdueFloor().toNanos());
    }

    private void failOverAndProbe(long nowNanos, boolean periodicSent, HeartbeatOutbox out) {
        if (traffic.failOverIfDue()) {
            out.trafficChanged(false, "no pong for " + millis(nowNanos - traffic.pendingSince())
                    + " ms after a ping, " + traffic.misses() + " rounds unanswered");
        }
        if (tuning.suspicionProbes()) {
            // a periodic ping sent on this tick is one of the round's pings
            for (int i = periodicSent ? 1 : 0; i < tuning.probesPerRound(); i++) {
                send(nowNanos, true, out);
            }
        }
    }

    private void send(long nowNanos, boolean probe, HeartbeatOutbox out) {
        // strictly increasing stamps tell every ping apart, even two sent in one tick (1 ns later at most)
        long stamp = nowNanos - lastStamp > 0 ? nowNanos : lastStamp + 1;
        lastStamp = stamp;
        loss.lost(ledger.add(stamp));
        traffic.sent(stamp, nowNanos);
        out.sendPing(stamp, probe);
    }

    private void countPong(long nowNanos, HeartbeatOutbox out) {
        if (receivedPongs >= spec.pongCount()) {
            up(nowNanos, "pong after " + receivedPongs + " counted pongs (latency " + latency.averageUs() + " us)", out);
            return;
        }
        receivedPongs++;
        if (state.is(LinkState.DOWN)) {
            move(LinkState.CONNECTING, nowNanos, "first pong counted", out);
        }
    }

    private void up(long nowNanos, String reason, HeartbeatOutbox out) {
        upCount++;
        traffic.up();
        move(LinkState.UP, nowNanos, reason, out);
    }

    private void linkDown(long nowNanos, String reason, HeartbeatOutbox out) {
        receivedPongs = 0;
        ponged = false;
        timeout.backOff();
        traffic.down();
        if (state.is(LinkState.UP)) {
            downCount++;
        }
        if (!state.is(LinkState.DOWN)) {
            move(LinkState.DOWN, nowNanos, reason, out);
        }
    }

    private void move(LinkState to, long nowNanos, String reason, HeartbeatOutbox out) {
        LinkState from = state.current();
        state.moveTo(to, reason, nowNanos);
        out.stateChanged(from, to, reason);
    }

    private String downReason(long nowNanos) {
        return "no pong for " + millis(nowNanos - pongLast) + " ms (timeout " + millis(pongTimeoutNanos) + " ms x backoff "
                + timeout.backoff() + " + 2 x latency " + latency.averageUs() / 1000.0 + " ms)";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
