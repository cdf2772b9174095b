package org.quorate.link.config;

import org.quorate.link.data.ReassemblyLimits;
import org.quorate.link.heartbeat.HeartbeatTuning;
import org.quorate.link.pmtud.PmtuSettings;

/**
 * Quorate's own link-layer knobs, beyond corosync.conf's keys: heartbeat hysteresis, path-MTU discovery,
 * reassembly bounds and the send bound. Each value is a typed setting (name, default, range, doc) in
 * {@code LinkSettingKeys}; this record is what the engine reads.
 *
 * @param maxQueuedBytesPerHost bytes a host may have waiting in the socket's write queue before sends to it
 *                              are refused and counted (a flood to one host never starves the others)
 */
public record LinkTuning(HeartbeatTuning heartbeat, PmtuSettings pmtu, ReassemblyLimits reassembly,
                         int maxQueuedBytesPerHost) {
    public static final LinkTuning DEFAULTS = new LinkTuning(HeartbeatTuning.DEFAULTS, PmtuSettings.DEFAULTS,
            ReassemblyLimits.DEFAULTS, 1 << 20);
}
