package org.quorate.link.config;

import org.quorate.config.Setting;
import org.quorate.config.SettingTypes;
import org.quorate.config.Settings;
import org.quorate.config.SettingsSchema;
import org.quorate.config.SettingsTable;
import org.quorate.config.Support;
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

    public static final Setting<Duration> HEARTBEAT_TICK = Setting.builder("heartbeat_tick", millis(10, 10_000))
            .defaultValue(Duration.ofMillis(200)).support(Support.QUORATE_ONLY)
            .doc("heartbeat resolution: pings and timeouts are checked on ticks (knet: 200 ms)").build();
    public static final Setting<Duration> PMTUD_INTERVAL = Setting.builder("pmtud_interval", millis(1_000, 86_400_000))
            .defaultValue(Duration.ofSeconds(30)).support(Support.QUORATE_ONLY)
            .doc("path-MTU re-check interval; when not given, totem.knet_pmtud_interval (s) of corosync.conf").build();
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
            .doc("SO_RCVBUF of each link socket, bytes (the kernel caps it at net.core.rmem_max)").build();
    public static final Setting<Integer> SOCKET_SEND_BUFFER = Setting.builder("socket_send_buffer", integer(65536, 1 << 30))
            .defaultValue(UdpSocketOptions.DEFAULTS.sendBufferBytes()).support(Support.QUORATE_ONLY)
            .doc("SO_SNDBUF of each link socket, bytes (the kernel caps it at net.core.wmem_max)").build();
    public static final Setting<Integer> SOCKET_WRITE_QUEUE = Setting.builder("socket_write_queue", integer(65536, 1 << 30))
            .defaultValue(UdpSocketOptions.DEFAULTS.writeHighWaterMark()).support(Support.QUORATE_ONLY)
            .doc("bytes queued on one link socket above which its sends are refused (ENOBUFS) until half drained")
            .build();

    public static final SettingsSchema SCHEMA = SettingsSchema.builder("quorate link layer -S")
            .add(HEARTBEAT_TICK, PMTUD_INTERVAL, REASSEMBLY_MAX_MESSAGES, REASSEMBLY_MAX_BYTES, REASSEMBLY_TIMEOUT,
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
