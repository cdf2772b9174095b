package org.quorate.link.heartbeat;

import java.time.Duration;

/**
 * Quorate's heartbeat knobs beyond corosync.conf (the owner of this file adds the hysteresis fields).
 *
 * @param tick the heartbeat resolution; knet's is 200 ms (KNET_THREADS_TIMER_RES)
 */
public record HeartbeatTuning(Duration tick) {
    public static final HeartbeatTuning DEFAULTS = new HeartbeatTuning(Duration.ofMillis(200));
}
