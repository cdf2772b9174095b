package org.quorate.link.config;

import org.quorate.config.Settings;
import org.quorate.link.data.ReassemblyLimits;
import org.quorate.link.heartbeat.HeartbeatTuning;
import org.quorate.link.pmtud.PmtuSettings;

/**
 * Quorate's own link-layer knobs, beyond corosync.conf's keys: heartbeat hysteresis, path-MTU discovery,
 * reassembly bounds, the send bound and the AEAD. Each value is a typed setting (name, default, range, doc)
 * in {@link LinkSettingKeys}; this record is what the engine reads.
 *
 * @param maxQueuedBytesPerHost bytes a host may have waiting in the socket's write queue before sends to it
 *                              are refused and counted (a flood to one host never starves the others)
 * @param aead                  the AEAD used when the configuration asks for a cipher
 */
public record LinkTuning(HeartbeatTuning heartbeat, PmtuSettings pmtu, ReassemblyLimits reassembly,
                         int maxQueuedBytesPerHost, LinkAead aead) {
    public static final LinkTuning DEFAULTS = new LinkTuning(HeartbeatTuning.DEFAULTS, PmtuSettings.DEFAULTS,
            ReassemblyLimits.DEFAULTS, 1 << 20);

    /** With the default AEAD (AES-GCM). */
    public LinkTuning(HeartbeatTuning heartbeat, PmtuSettings pmtu, ReassemblyLimits reassembly,
                      int maxQueuedBytesPerHost) {
        this(heartbeat, pmtu, reassembly, maxQueuedBytesPerHost, LinkAead.AES_GCM);
    }

    /** The tuning {@code s} (a {@link LinkSettingKeys#SCHEMA} settings) describes. */
    public static LinkTuning from(Settings s) {
        HeartbeatTuning heartbeat = new HeartbeatTuning(s.get(LinkSettingKeys.HEARTBEAT_TICK),
                s.get(LinkSettingKeys.SUSPICION_PROBES), s.get(LinkSettingKeys.PROBE_DIVISOR),
                s.get(LinkSettingKeys.PROBES_PER_ROUND), s.get(LinkSettingKeys.OVERDUE_FLOOR),
                s.get(LinkSettingKeys.FAILOVER_MISSES), s.get(LinkSettingKeys.RECOVERY_PONGS),
                s.get(LinkSettingKeys.LOSS_SMOOTHING));
        PmtuSettings pmtu = new PmtuSettings(s.get(LinkSettingKeys.PMTUD_INTERVAL), PmtuSettings.DEFAULTS.fixedMtu(),
                s.get(LinkSettingKeys.PMTUD_PROBE_TIMEOUT), s.get(LinkSettingKeys.PMTUD_MAX_PROBES),
                s.get(LinkSettingKeys.PMTUD_SEARCH_RESOLUTION), s.get(LinkSettingKeys.PMTUD_RAISE_INTERVAL));
        ReassemblyLimits reassembly = new ReassemblyLimits(s.get(LinkSettingKeys.REASSEMBLY_MAX_MESSAGES),
                s.get(LinkSettingKeys.REASSEMBLY_MAX_BYTES), s.get(LinkSettingKeys.REASSEMBLY_TIMEOUT));
        return new LinkTuning(heartbeat, pmtu, reassembly, s.get(LinkSettingKeys.MAX_QUEUED_BYTES_PER_HOST),
                s.get(LinkSettingKeys.AEAD));
    }

    /** The same tuning with corosync.conf's two PMTUD keys (totem.knet_pmtud_interval, totem.knet_mtu). */
    public LinkTuning withPmtud(java.time.Duration interval, int fixedMtu) {
        return withPmtu(new PmtuSettings(interval, fixedMtu, pmtu.probeTimeout(), pmtu.maxProbes(),
                pmtu.searchResolution(), pmtu.raiseInterval()));
    }

    public LinkTuning withHeartbeat(HeartbeatTuning newHeartbeat) {
        return new LinkTuning(newHeartbeat, pmtu, reassembly, maxQueuedBytesPerHost, aead);
    }

    public LinkTuning withPmtu(PmtuSettings newPmtu) {
        return new LinkTuning(heartbeat, newPmtu, reassembly, maxQueuedBytesPerHost, aead);
    }
}
