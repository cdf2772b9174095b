package org.quorate.link.heartbeat;

import java.time.Duration;

/**
 * Quorate's heartbeat knobs beyond corosync.conf. The first is knet's; the others are Quorate's failover,
 * suspicion and scoring rules (docs/link-heartbeat.md explains them with numbers).
 *
 * @param tick            the heartbeat resolution; knet's is 200 ms (KNET_THREADS_TIMER_RES): pings, probes and
 *                        timeouts are checked only on ticks, so a 750 ms ping interval behaves like 800 ms
 * @param suspicionProbes send extra pings while a pong is overdue (Lifeguard-style); false gives corosync's
 *                        plain rule, where two unlucky pings can declare a link down
 * @param probeDivisor    probes go out every ping interval / this (never faster than one round per tick)
 * @param probesPerRound  pings sent together in one probe round, so one lost datagram does not waste a round
 * @param overdueFloor    a pong is overdue max(2 x average latency, this) after its ping was sent
 * @param failoverMisses  overdue rounds in a row (the periodic ping, then probe rounds) after which an up link
 *                        stops carrying traffic; the link stays up, the host stays reachable
 * @param recoveryPongs   good pongs in a row that give a failed-over link its traffic back (hysteresis)
 * @param lossSmoothing   weight of the newest ping in the loss ratio's moving average (0 &lt; w &lt;= 1)
 */
public record HeartbeatTuning(Duration tick, boolean suspicionProbes, int probeDivisor, int probesPerRound,
                              Duration overdueFloor, int failoverMisses, int recoveryPongs,
                              double lossSmoothing) {
    public static final HeartbeatTuning DEFAULTS = new HeartbeatTuning(Duration.ofMillis(200), true, 4, 2,
            Duration.ofMillis(50), 2, 3, 0.05);

    public HeartbeatTuning {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("heartbeat tick: must be > 0, not " + tick);
        }
        if (probeDivisor < 1) {
            throw new IllegalArgumentException("heartbeat probeDivisor: must be >= 1, not " + probeDivisor);
        }
        if (probesPerRound < 1 || probesPerRound > 8) {
            throw new IllegalArgumentException("heartbeat probesPerRound: 1..8, not " + probesPerRound);
        }
        if (overdueFloor.isNegative()) {
            throw new IllegalArgumentException("heartbeat overdueFloor: must be >= 0, not " + overdueFloor);
        }
        if (failoverMisses < 1) {
            throw new IllegalArgumentException("heartbeat failoverMisses: must be >= 1, not " + failoverMisses);
        }
        if (recoveryPongs < 1) {
            throw new IllegalArgumentException("heartbeat recoveryPongs: must be >= 1, not " + recoveryPongs);
        }
        if (!(lossSmoothing > 0 && lossSmoothing <= 1)) {
            throw new IllegalArgumentException("heartbeat lossSmoothing: 0 < w <= 1, not " + lossSmoothing);
        }
    }

    /** knet's tick with Quorate's defaults for the rest (the signature the first API commit fixed). */
    public HeartbeatTuning(Duration tick) {
        this(tick, DEFAULTS.suspicionProbes, DEFAULTS.probeDivisor, DEFAULTS.probesPerRound, DEFAULTS.overdueFloor,
                DEFAULTS.failoverMisses, DEFAULTS.recoveryPongs, DEFAULTS.lossSmoothing);
    }

    /** The same tuning with knet's tick and nothing else of Quorate's: corosync's plain down rule. */
    public static HeartbeatTuning corosyncPlain() {
        return DEFAULTS.withSuspicionProbes(false);
    }

    public HeartbeatTuning withSuspicionProbes(boolean on) {
        return new HeartbeatTuning(tick, on, probeDivisor, probesPerRound, overdueFloor, failoverMisses,
                recoveryPongs, lossSmoothing);
    }

    public HeartbeatTuning withTick(Duration newTick) {
        return new HeartbeatTuning(newTick, suspicionProbes, probeDivisor, probesPerRound, overdueFloor,
                failoverMisses, recoveryPongs, lossSmoothing);
    }
}
