package org.quorate.qnetd.config;

import org.quorate.config.AdvancedSettingsParser;
import org.quorate.config.Setting;
import org.quorate.config.SettingType;
import org.quorate.config.SettingTypes;
import org.quorate.config.Settings;
import org.quorate.config.SettingsSchema;
import org.quorate.config.SettingsTable;
import org.quorate.config.Support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.quorate.config.SettingTypes.UINT32_MAX;
import static org.quorate.config.SettingTypes.integer;
import static org.quorate.config.SettingTypes.millis;

/**
 * corosync-qnetd's {@code -S name=value} settings (spec §10.1), with the C 3.0.3 daemon's defaults and
 * ranges ({@code qnet-config.h}, {@code qnetd-advanced-settings.c}), plus Quorate's own (metrics, the TLS
 * handshake gate). The generated table is docs/settings.md.
 */
public final class QnetdSettingKeys {
    private static final int INT_MAX = Integer.MAX_VALUE;

    public static final Setting<Integer> LISTEN_BACKLOG = Setting.builder("listen_backlog", integer(1, INT_MAX))
            .defaultValue(10).doc("listen backlog of the TCP socket").build();
    public static final Setting<Integer> MAX_CLIENT_SEND_BUFFERS =
            Setting.builder("max_client_send_buffers", integer(2, INT_MAX)).defaultValue(32)
                    .doc("messages queued to one client before it is disconnected").build();
    public static final Setting<Integer> MAX_CLIENT_SEND_SIZE = Setting.builder("max_client_send_size", integer(16, INT_MAX))
            .defaultValue(32768).doc("largest message sent to a client, bytes (announced in INIT_REPLY)").build();
    public static final Setting<Integer> MAX_CLIENT_RECEIVE_SIZE =
            Setting.builder("max_client_receive_size", integer(16, INT_MAX)).defaultValue(32768)
                    .doc("largest message accepted from a client, bytes (announced in INIT_REPLY)").build();
    public static final Setting<Path> NSS_DB_DIR = Setting.builder("nss_db_dir", SettingTypes.path())
            .defaultValue(QnetdPaths::defaultNssDbDir, "/etc/corosync/qnetd/nssdb")
            .doc("certificate directory (PKCS#12 files beside the NSS database)").build();
    public static final Setting<String> CERT_NICKNAME = Setting.builder("cert_nickname", SettingType.of("string",
                    "any", v -> v, v -> v))
            .defaultValue("QNetd Cert").support(Support.ACCEPTED_IGNORED)
            .doc("C: NSS nickname of the server certificate; Quorate serves the one key in qnetd-server.p12").build();
    public static final Setting<Duration> HEARTBEAT_INTERVAL_MIN =
            Setting.builder("heartbeat_interval_min", millis(1, UINT32_MAX)).defaultValue(Duration.ofSeconds(1))
                    .doc("shortest heartbeat a client may ask for (else INIT fails)").build();
    public static final Setting<Duration> HEARTBEAT_INTERVAL_MAX =
            Setting.builder("heartbeat_interval_max", millis(1, UINT32_MAX)).defaultValue(Duration.ofMinutes(2))
                    .doc("longest heartbeat a client may ask for").build();
    public static final Setting<Boolean> DPD_ENABLED = Setting.builder("dpd_enabled", SettingTypes.bool())
            .defaultValue(true).doc("dead-peer detection: drop a client silent for coefficient x its heartbeat").build();
    public static final Setting<Double> DPD_INTERVAL_COEFFICIENT =
            Setting.builder("dpd_interval_coefficient", SettingTypes.decimal(1, 1000)).defaultValue(1.5)
                    .doc("dead-peer timeout as a multiple of the client's heartbeat").build();
    public static final Setting<String> DPD_INTERVAL = Setting.builder("dpd_interval", SettingType.of("string",
                    "any", v -> v, v -> v))
            .defaultValue("").support(Support.DEPRECATED)
            .doc("C warns \"deprecated and has no effect anymore\"; so does Quorate").build();
    public static final Setting<Path> LOCK_FILE = Setting.builder("lock_file", SettingTypes.path())
            .defaultValue(QnetdPaths::defaultLockFile, "/var/run/corosync-qnetd/corosync-qnetd.pid")
            .doc("PID lock file; another daemon holding it makes this one exit 1").build();
    public static final Setting<Path> LOCAL_SOCKET_FILE = Setting.builder("local_socket_file", SettingTypes.path())
            .defaultValue(QnetdPaths::defaultLocalSocketFile, "/var/run/corosync-qnetd/corosync-qnetd.sock")
            .doc("status socket of corosync-qnetd-tool").build();
    public static final Setting<Integer> LOCAL_SOCKET_UMASK = Setting.builder("local_socket_umask", SettingTypes.octal(0777))
            .support(Support.QUORATE_ONLY)
            .doc("umask of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();
    public static final Setting<Optional<String>> LOCAL_SOCKET_GID = Setting.builder("local_socket_gid",
                    SettingTypes.optionalText("group", "name or gid; empty or -1 = the daemon's"))
            .defaultValue(Optional.empty()).support(Support.QUORATE_ONLY)
            .doc("group of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();
    public static final Setting<Integer> LOCAL_SOCKET_BACKLOG = Setting.builder("local_socket_backlog", integer(1, INT_MAX))
            .defaultValue(10).doc("listen backlog of the status socket").build();
    public static final Setting<Integer> IPC_MAX_CLIENTS = Setting.builder("ipc_max_clients", integer(0, INT_MAX))
            .defaultValue(10).doc("status-socket clients at once; 0 = unlimited").build();
    public static final Setting<Integer> IPC_MAX_RECEIVE_SIZE = Setting.builder("ipc_max_receive_size", integer(1024, INT_MAX))
            .defaultValue(4096).doc("largest status-socket request, bytes").build();
    public static final Setting<Integer> IPC_MAX_SEND_SIZE = Setting.builder("ipc_max_send_size", integer(1024, INT_MAX))
            .defaultValue(10485760).doc("largest status-socket reply, bytes").build();
    public static final Setting<Boolean> KEEP_ACTIVE_PARTITION_TIE_BREAKER =
            Setting.builder("keep_active_partition_tie_breaker", SettingTypes.bool()).defaultValue(false)
                    .doc("ffsplit: on a tie keep the partition that had the vote, if the clients allow it").build();
    public static final Setting<String> METRICS_ADDRESS = Setting.builder("metrics_address",
                    SettingType.of("host:port", "port 1..65535", QnetdSettingKeys::hostPort, v -> v))
            .support(Support.QUORATE_ONLY).doc("Prometheus text at /metrics on this address (loopback recommended)")
            .build();
    public static final Setting<Integer> TLS_HANDSHAKE_LIMIT = Setting.builder("tls_handshake_limit", integer(1, INT_MAX))
            .defaultValue(64).support(Support.QUORATE_ONLY)
            .doc("TLS handshakes run at once; later ones wait their turn in arrival order").build();
    public static final Setting<Duration> TLS_HANDSHAKE_LEASE = Setting.builder("tls_handshake_lease", millis(1, UINT32_MAX))
            .defaultValue(Duration.ofSeconds(1)).support(Support.QUORATE_ONLY)
            .doc("a handshake still running after this goes on outside the limit, freeing its place").build();

    /** Every {@code -S} setting, C ones in the C daemon's order; unknown names are refused as in C. */
    public static final SettingsSchema SCHEMA = SettingsSchema.builder("corosync-qnetd -S")
            .add(LISTEN_BACKLOG, MAX_CLIENT_SEND_BUFFERS, MAX_CLIENT_SEND_SIZE, MAX_CLIENT_RECEIVE_SIZE, NSS_DB_DIR,
                    CERT_NICKNAME, HEARTBEAT_INTERVAL_MIN, HEARTBEAT_INTERVAL_MAX, DPD_ENABLED,
                    DPD_INTERVAL_COEFFICIENT, DPD_INTERVAL, LOCK_FILE, LOCAL_SOCKET_FILE, LOCAL_SOCKET_UMASK,
                    LOCAL_SOCKET_GID, LOCAL_SOCKET_BACKLOG, IPC_MAX_CLIENTS, IPC_MAX_RECEIVE_SIZE, IPC_MAX_SEND_SIZE,
                    KEEP_ACTIVE_PARTITION_TIE_BREAKER, METRICS_ADDRESS, TLS_HANDSHAKE_LIMIT, TLS_HANDSHAKE_LEASE)
            .crossCheck(QnetdSettingKeys::heartbeatRange)
            .build();

    private QnetdSettingKeys() {
    }

    /** The C daemon's check after all options are read. */
    private static Optional<String> heartbeatRange(Settings s) {
        long min = s.get(HEARTBEAT_INTERVAL_MIN).toMillis();
        long max = s.get(HEARTBEAT_INTERVAL_MAX).toMillis();
        return min > max ? Optional.of("heartbeat_interval_min (" + min
                + ") must not be greater than heartbeat_interval_max (" + max + ")") : Optional.empty();
    }

    private static String hostPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        return AdvancedSettingsParser.parseLong(v.substring(colon + 1), 1, 65535) == null ? null : v;
    }

    /** Prints the markdown table of docs/settings.md's qnetd section. */
    public static void main(String[] args) {
        System.out.print(SettingsTable.markdown(SCHEMA));
    }
}
