package org.quorate.link.config;

import org.quorate.config.Setting;
import org.quorate.config.SettingTypes;
import org.quorate.config.Settings;
import org.quorate.config.SettingsSchema;
import org.quorate.config.SettingsTable;
import org.quorate.config.Support;
import org.quorate.link.heartbeat.HeartbeatTuning;
import org.quorate.link.pmtud.PmtuSettings;
import org.quorate.link.transport.UdpSocketOptions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.quorate.config.SettingTypes.integer;
import static org.quorate.config.SettingTypes.millis;

/**
 * Quorate's own link-layer settings: what corosync.conf has no key for (hysteresis, bounds, the AEAD, socket
 * sizes), each with its name, default, range and doc in one place. Given as {@code -S name=value} to
 * quorate-linkbench; read by {@link LinkTuning#from(Settings)} and {@link #socketOptions(Settings)}. The
 * knet timings themselves (ping interval, pong timeout, count, precision, priority) stay corosync.conf's.
 */
public final class LinkSettingKeys {
    private static final int INT_MAX = Integer.MAX_VALUE;
    private static final HeartbeatTuning HB = HeartbeatTuning.DEFAULTS;
    private static final PmtuSettings PM = PmtuSettings.DEFAULTS;

    public static final Setting<Duration> HEARTBEAT_TICK = Setting.builder("heartbeat_tick", millis(10, 10_000))
            .defaultValue(HB.tick()).support(Support.QUORATE_ONLY)
            .doc("heartbeat resolution: pings and timeouts are checked on ticks (knet: 200 ms); unset, it is 200 ms or half the smallest ping interval when that is shorter").build();
    public static final Setting<Boolean> SUSPICION_PROBES = Setting.builder("suspicion_probes", SettingTypes.bool())
            .defaultValue(HB.suspicionProbes()).support(Support.QUORATE_ONLY)
            .doc("extra pings while a pong is overdue; off gives corosync's plain rule (two lost pings = down)").build();
    public static final Setting<Integer> PROBE_DIVISOR = Setting.builder("probe_divisor", integer(1, 64))
            .defaultValue(HB.probeDivisor()).support(Support.QUORATE_ONLY)
            .doc("suspicion probes go out every ping interval / this (at most one round per tick)").build();
    public static final Setting<Integer> PROBES_PER_ROUND = Setting.builder("probes_per_round", integer(1, 8))
            .defaultValue(HB.probesPerRound()).support(Support.QUORATE_ONLY)
            .doc("pings sent together in one probe round").build();
    public static final Setting<Duration> OVERDUE_FLOOR = Setting.builder("overdue_floor", millis(0, 60_000))
            .defaultValue(HB.overdueFloor()).support(Support.QUORATE_ONLY)
            .doc("a pong is overdue max(2 x average latency, this) after its ping").build();
    public static final Setting<Integer> FAILOVER_MISSES = Setting.builder("failover_misses", integer(1, 100))
            .defaultValue(HB.failoverMisses()).support(Support.QUORATE_ONLY)
            .doc("overdue rounds in a row after which an up link stops carrying traffic (it stays up)").build();
    public static final Setting<Integer> RECOVERY_PONGS = Setting.builder("recovery_pongs", integer(1, 100))
            .defaultValue(HB.recoveryPongs()).support(Support.QUORATE_ONLY)
            .doc("good pongs in a row that give a failed-over link its traffic back").build();
    public static final Setting<Double> LOSS_SMOOTHING = Setting.builder("loss_smoothing", SettingTypes.decimal(0.001, 1))
            .defaultValue(HB.lossSmoothing()).support(Support.QUORATE_ONLY)
            .doc("weight of the newest ping in the link's loss ratio (moving average)").build();
    public static final Setting<Duration> PMTUD_INTERVAL = Setting.builder("pmtud_interval", millis(1_000, 86_400_000))
            .defaultValue(PM.interval()).support(Support.QUORATE_ONLY)
            .doc("path-MTU re-check interval; when not given, totem.knet_pmtud_interval (s) of corosync.conf").build();
    public static final Setting<Duration> PMTUD_PROBE_TIMEOUT = Setting.builder("pmtud_probe_timeout", millis(10, 60_000))
            .defaultValue(PM.probeTimeout()).support(Support.QUORATE_ONLY)
            .doc("a path-MTU probe unanswered this long counts as lost").build();
    public static final Setting<Integer> PMTUD_MAX_PROBES = Setting.builder("pmtud_max_probes", integer(1, 30))
            .defaultValue(PM.maxProbes()).support(Support.QUORATE_ONLY)
            .doc("lost probes of one size that make it too big (RFC 8899 MAX_PROBES)").build();
    public static final Setting<Integer> PMTUD_SEARCH_RESOLUTION = Setting.builder("pmtud_search_resolution", integer(1, 1024))
            .defaultValue(PM.searchResolution()).support(Support.QUORATE_ONLY)
            .doc("the search stops when the largest good and smallest bad sizes are this close, bytes").build();
    public static final Setting<Duration> PMTUD_RAISE_INTERVAL = Setting.builder("pmtud_raise_interval",
                    millis(1_000, 86_400_000))
            .defaultValue(PM.raiseInterval()).support(Support.QUORATE_ONLY)
            .doc("how often a search that ended below the ceiling looks upward again (RFC 8899 PMTU_RAISE_TIMER)").build();
    public static final Setting<Integer> REASSEMBLY_MAX_MESSAGES = Setting.builder("reassembly_max_messages", integer(1, 4096))
            .defaultValue(16).support(Support.QUORATE_ONLY)
            .doc("fragmented messages from one host in progress at once; the oldest is dropped for a new one").build();
    public static final Setting<Integer> REASSEMBLY_MAX_BYTES = Setting.builder("reassembly_max_bytes", integer(65536, INT_MAX))
            .defaultValue(1 << 20).support(Support.QUORATE_ONLY)
            .doc("bytes buffered for one host's incomplete messages (at least one 64 KiB message)").build();
    public static final Setting<Duration> REASSEMBLY_TIMEOUT = Setting.builder("reassembly_timeout", millis(10, 600_000))
            .defaultValue(Duration.ofSeconds(2)).support(Support.QUORATE_ONLY)
            .doc("an incomplete message is dropped this long after its first fragment").build();
    public static final Setting<Integer> MAX_QUEUED_BYTES_PER_HOST = Setting.builder("max_queued_bytes_per_host",
                    integer(65536, INT_MAX))
            .defaultValue(1 << 20).support(Support.QUORATE_ONLY)
            .doc("bytes one host may have waiting to be sent; further sends to it are refused and counted").build();
    public static final Setting<LinkAead> AEAD = Setting.builder("aead", SettingTypes.oneOf(aeadWords()))
            .defaultValue(LinkAead.AES_GCM).support(Support.QUORATE_ONLY)
            .doc("AEAD used when totem.crypto_cipher is not none").build();
    public static final Setting<Integer> SOCKET_RECEIVE_BUFFER = Setting.builder("socket_receive_buffer",
                    integer(65536, 1 << 30))
            .defaultValue(UdpSocketOptions.DEFAULTS.receiveBufferBytes()).support(Support.QUORATE_ONLY)
            .doc("SO_RCVBUF of each link socket, bytes (above net.core.rmem_max: forced when privileged, else capped)").build();
    public static final Setting<Integer> SOCKET_SEND_BUFFER = Setting.builder("socket_send_buffer", integer(65536, 1 << 30))
            .defaultValue(UdpSocketOptions.DEFAULTS.sendBufferBytes()).support(Support.QUORATE_ONLY)
            .doc("SO_SNDBUF of each link socket, bytes (above net.core.wmem_max: forced when privileged, else capped)").build();
    public static final Setting<Integer> SOCKET_WRITE_QUEUE = Setting.builder("socket_write_queue", integer(65536, 1 << 30))
            .defaultValue(UdpSocketOptions.DEFAULTS.writeHighWaterMark()).support(Support.QUORATE_ONLY)
            .doc("bytes queued on one link socket above which its sends are refused (ENOBUFS) until half drained")
            .build();

    public static final SettingsSchema SCHEMA = SettingsSchema.builder("quorate link layer -S")
            .add(HEARTBEAT_TICK, SUSPICION_PROBES, PROBE_DIVISOR, PROBES_PER_ROUND, OVERDUE_FLOOR, FAILOVER_MISSES,
                    RECOVERY_PONGS, LOSS_SMOOTHING, PMTUD_INTERVAL, PMTUD_PROBE_TIMEOUT, PMTUD_MAX_PROBES,
                    PMTUD_SEARCH_RESOLUTION, PMTUD_RAISE_INTERVAL, REASSEMBLY_MAX_MESSAGES, REASSEMBLY_MAX_BYTES, REASSEMBLY_TIMEOUT,
                    MAX_QUEUED_BYTES_PER_HOST, AEAD, SOCKET_RECEIVE_BUFFER, SOCKET_SEND_BUFFER, SOCKET_WRITE_QUEUE)
            .build();

    private LinkSettingKeys() {
    }

    /** Every setting at its default. */
    public static Settings defaults() {
        return SCHEMA.defaults();
    }

    /** The socket options of the link sockets. */
    public static UdpSocketOptions socketOptions(Settings s) {
        int queue = s.get(SOCKET_WRITE_QUEUE);
        return new UdpSocketOptions(s.get(SOCKET_RECEIVE_BUFFER), s.get(SOCKET_SEND_BUFFER), queue, queue / 2,
                UdpSocketOptions.DEFAULTS.dontFragment());
    }

    private static Map<String, LinkAead> aeadWords() {
        Map<String, LinkAead> m = new LinkedHashMap<>();
        for (LinkAead a : LinkAead.values()) {
            m.put(a.settingName(), a);
        }
        return m;
    }

    /** Prints the markdown table of docs/link-layer.md's settings section. */
    public static void main(String[] args) {
        System.out.print(SettingsTable.markdown(SCHEMA));
    }
}
