package org.quorate.qdevice.config;

import org.quorate.certs.CertLayout;
import org.quorate.config.Setting;
import org.quorate.config.SettingTypes;
import org.quorate.config.SettingsSchema;
import org.quorate.config.SettingsTable;
import org.quorate.config.Support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.quorate.config.SettingTypes.UINT32_MAX;
import static org.quorate.config.SettingTypes.integer;
import static org.quorate.config.SettingTypes.millis;

/**
 * corosync-qdevice's {@code -S name=value} settings: name, type, default, range and doc in one place, with
 * the C 3.0.3 daemon's defaults and minimums ({@code qdevice-config.h}, {@code qnet-config.h},
 * {@code qdevice-advanced-settings.c}). The generated table is docs/settings.md.
 */
public final class QdeviceSettingKeys {
    private static final int INT_MAX = Integer.MAX_VALUE;

    public static final Setting<Path> LOCK_FILE = Setting.builder("lock_file", SettingTypes.path())
            .defaultValue(() -> QdevicePaths.runDir().resolve("corosync-qdevice.pid"),
                    "/var/run/corosync-qdevice/corosync-qdevice.pid")
            .doc("PID lock file; another daemon holding it makes this one exit 1").build();
    public static final Setting<Path> LOCAL_SOCKET_FILE = Setting.builder("local_socket_file", SettingTypes.path())
            .defaultValue(() -> QdevicePaths.runDir().resolve("corosync-qdevice.sock"),
                    "/var/run/corosync-qdevice/corosync-qdevice.sock")
            .doc("status socket of corosync-qdevice-tool").build();
    public static final Setting<Integer> LOCAL_SOCKET_BACKLOG =
            Setting.builder("local_socket_backlog", integer(1, INT_MAX)).defaultValue(10)
                    .doc("listen backlog of the status socket").build();
    public static final Setting<Integer> MAX_CS_TRY_AGAIN = Setting.builder("max_cs_try_again", integer(1, INT_MAX))
            .defaultValue(10).doc("retries (one a second) of a corosync call answering CS_ERR_TRY_AGAIN").build();
    public static final Setting<String> VOTEQUORUM_DEVICE_NAME =
            Setting.builder("votequorum_device_name", SettingTypes.string()).defaultValue("Qdevice")
                    .doc("name the device registers under with votequorum").build();
    public static final Setting<Integer> IPC_MAX_CLIENTS = Setting.builder("ipc_max_clients", integer(0, INT_MAX))
            .defaultValue(10).doc("status-socket clients at once; 0 = unlimited").build();
    public static final Setting<Integer> IPC_MAX_RECEIVE_SIZE =
            Setting.builder("ipc_max_receive_size", integer(1024, INT_MAX)).defaultValue(4096)
                    .doc("largest status-socket request, bytes").build();
    public static final Setting<Integer> IPC_MAX_SEND_SIZE = Setting.builder("ipc_max_send_size", integer(1024, INT_MAX))
            .defaultValue(65536).doc("largest status-socket reply, bytes").build();
    public static final Setting<Integer> HEURISTICS_IPC_MAX_SEND_BUFFERS =
            Setting.builder("heuristics_ipc_max_send_buffers", integer(10, INT_MAX)).defaultValue(128)
                    .support(Support.ACCEPTED_IGNORED)
                    .doc("C: buffers of the pipe to the forked heuristics worker; Quorate runs commands in-process, "
                            + "no such pipe").build();
    public static final Setting<Integer> HEURISTICS_IPC_MAX_SEND_RECEIVE_SIZE =
            Setting.builder("heuristics_ipc_max_send_receive_size", integer(1024, INT_MAX)).defaultValue(4096)
                    .support(Support.ACCEPTED_IGNORED)
                    .doc("C: message size on the heuristics worker pipe; no such pipe in Quorate").build();
    public static final Setting<Duration> HEURISTICS_MIN_TIMEOUT =
            Setting.builder("heuristics_min_timeout", millis(250, UINT32_MAX)).defaultValue(Duration.ofSeconds(1))
                    .doc("lowest quorum.device.heuristics.timeout and sync_timeout accepted").build();
    public static final Setting<Duration> HEURISTICS_MAX_TIMEOUT =
            Setting.builder("heuristics_max_timeout", millis(250, UINT32_MAX)).defaultValue(Duration.ofMinutes(2))
                    .doc("highest quorum.device.heuristics.timeout and sync_timeout accepted").build();
    public static final Setting<Duration> HEURISTICS_MIN_INTERVAL =
            Setting.builder("heuristics_min_interval", millis(250, UINT32_MAX)).defaultValue(Duration.ofSeconds(1))
                    .doc("lowest quorum.device.heuristics.interval accepted").build();
    public static final Setting<Duration> HEURISTICS_MAX_INTERVAL =
            Setting.builder("heuristics_max_interval", millis(250, UINT32_MAX)).defaultValue(Duration.ofHours(1))
                    .doc("highest quorum.device.heuristics.interval accepted").build();
    public static final Setting<Integer> HEURISTICS_MAX_EXECS = Setting.builder("heuristics_max_execs", integer(1, INT_MAX))
            .defaultValue(32).doc("more exec_ commands than this disable heuristics (logged as an error)").build();
    public static final Setting<Boolean> HEURISTICS_USE_EXECVP =
            Setting.builder("heuristics_use_execvp", SettingTypes.bool()).defaultValue(false)
                    .doc("look bare command names up in PATH").build();
    public static final Setting<Integer> HEURISTICS_MAX_PROCESSES =
            Setting.builder("heuristics_max_processes", integer(1, INT_MAX)).defaultValue(160)
                    .doc("command processes alive at once, stragglers being killed included").build();
    public static final Setting<Duration> HEURISTICS_KILL_LIST_INTERVAL =
            Setting.builder("heuristics_kill_list_interval", millis(250, UINT32_MAX)).defaultValue(Duration.ofSeconds(5))
                    .doc("delay between SIGTERM and SIGKILL of a command that overran its timeout").build();
    public static final Setting<Path> NET_NSS_DB_DIR = Setting.builder("net_nss_db_dir", SettingTypes.path())
            .defaultValue(() -> CertLayout.fromEnvironment().nodeDir(), "/etc/corosync/qdevice/net/nssdb")
            .doc("the node's certificate directory (PKCS#12 files beside the NSS database)").build();
    public static final Setting<Integer> NET_INITIAL_MSG_RECEIVE_SIZE =
            Setting.builder("net_initial_msg_receive_size", integer(16, INT_MAX)).defaultValue(32768)
                    .doc("largest message accepted before qnetd's INIT_REPLY gives its size").build();
    public static final Setting<Integer> NET_INITIAL_MSG_SEND_SIZE =
            Setting.builder("net_initial_msg_send_size", integer(16, INT_MAX)).defaultValue(32768)
                    .support(Support.ACCEPTED_IGNORED)
                    .doc("C: initial size of a send buffer; Netty sizes its buffers itself").build();
    public static final Setting<Integer> NET_MIN_MSG_SEND_SIZE =
            Setting.builder("net_min_msg_send_size", integer(16, INT_MAX)).defaultValue(32768)
                    .doc("qnetd must accept requests at least this large, else the client disconnects").build();
    public static final Setting<Integer> NET_MAX_MSG_RECEIVE_SIZE =
            Setting.builder("net_max_msg_receive_size", integer(16, INT_MAX)).defaultValue(16777216)
                    .doc("qnetd's replies may be at most this large, else the client disconnects").build();
    public static final Setting<Integer> NET_MAX_SEND_BUFFERS =
            Setting.builder("net_max_send_buffers", integer(2, INT_MAX)).defaultValue(10)
                    .support(Support.ACCEPTED_IGNORED)
                    .doc("C: queued send buffers; Quorate sends at most one message per request and queues in Netty")
                    .build();
    public static final Setting<String> NET_NSS_QNETD_CN = Setting.builder("net_nss_qnetd_cn", SettingTypes.string())
            .defaultValue("Qnetd Server").doc("subject CN the qnetd server certificate must carry").build();
    public static final Setting<String> NET_NSS_CLIENT_CERT_NICKNAME =
            Setting.builder("net_nss_client_cert_nickname", SettingTypes.string()).defaultValue("Cluster Cert")
                    .support(Support.ACCEPTED_IGNORED)
                    .doc("C: NSS nickname of the client certificate; Quorate presents the one key in "
                            + "qdevice-net-node.p12").build();
    public static final Setting<Duration> NET_HEARTBEAT_INTERVAL_MIN =
            Setting.builder("net_heartbeat_interval_min", millis(1, UINT32_MAX)).defaultValue(Duration.ofSeconds(1))
                    .doc("heartbeat (0.8 x quorum.device.timeout) below it is raised to it, with a warning").build();
    public static final Setting<Duration> NET_HEARTBEAT_INTERVAL_MAX =
            Setting.builder("net_heartbeat_interval_max", millis(1, UINT32_MAX)).defaultValue(Duration.ofMinutes(2))
                    .doc("heartbeat above it is lowered to it, with a warning").build();
    public static final Setting<Duration> NET_MIN_CONNECT_TIMEOUT =
            Setting.builder("net_min_connect_timeout", millis(1, UINT32_MAX)).defaultValue(Duration.ofSeconds(1))
                    .doc("lowest quorum.device.net.connect_timeout accepted").build();
    public static final Setting<Duration> NET_MAX_CONNECT_TIMEOUT =
            Setting.builder("net_max_connect_timeout", millis(1, UINT32_MAX)).defaultValue(Duration.ofMinutes(2))
                    .doc("highest quorum.device.net.connect_timeout accepted").build();
    public static final Setting<Boolean> NET_TEST_ALGORITHM_ENABLED =
            Setting.builder("net_test_algorithm_enabled", SettingTypes.bool()).defaultValue(false)
                    .doc("allow quorum.device.net.algorithm: test (it can make several partitions quorate)").build();
    public static final Setting<MasterWins> MASTER_WINS = Setting.builder("master_wins", SettingTypes.oneOf(masterWinsWords()))
            .defaultValue(MasterWins.MODEL).doc("votequorum master_wins flag: the model's choice (off) or forced")
            .build();
    public static final Setting<Integer> LOCAL_SOCKET_UMASK = Setting.builder("local_socket_umask", SettingTypes.octal(0777))
            .support(Support.QUORATE_ONLY)
            .doc("umask of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();
    public static final Setting<Optional<String>> LOCAL_SOCKET_GID = Setting.builder("local_socket_gid",
                    SettingTypes.optionalText("group", "name or gid; empty or -1 = the daemon's"))
            .defaultValue(Optional.empty()).support(Support.QUORATE_ONLY)
            .doc("group of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();

    /** Every {@code -S} setting, in the C daemon's order; unknown names are refused as in C. */
    public static final SettingsSchema SCHEMA = SettingsSchema.builder("corosync-qdevice -S")
            .add(LOCK_FILE, LOCAL_SOCKET_FILE, LOCAL_SOCKET_BACKLOG, MAX_CS_TRY_AGAIN, VOTEQUORUM_DEVICE_NAME,
                    IPC_MAX_CLIENTS, IPC_MAX_RECEIVE_SIZE, IPC_MAX_SEND_SIZE, HEURISTICS_IPC_MAX_SEND_BUFFERS,
                    HEURISTICS_IPC_MAX_SEND_RECEIVE_SIZE, HEURISTICS_MIN_TIMEOUT, HEURISTICS_MAX_TIMEOUT,
                    HEURISTICS_MIN_INTERVAL, HEURISTICS_MAX_INTERVAL, HEURISTICS_MAX_EXECS, HEURISTICS_USE_EXECVP,
                    HEURISTICS_MAX_PROCESSES, HEURISTICS_KILL_LIST_INTERVAL, NET_NSS_DB_DIR,
                    NET_INITIAL_MSG_RECEIVE_SIZE, NET_INITIAL_MSG_SEND_SIZE, NET_MIN_MSG_SEND_SIZE,
                    NET_MAX_MSG_RECEIVE_SIZE, NET_MAX_SEND_BUFFERS, NET_NSS_QNETD_CN, NET_NSS_CLIENT_CERT_NICKNAME,
                    NET_HEARTBEAT_INTERVAL_MIN, NET_HEARTBEAT_INTERVAL_MAX, NET_MIN_CONNECT_TIMEOUT,
                    NET_MAX_CONNECT_TIMEOUT, NET_TEST_ALGORITHM_ENABLED, MASTER_WINS, LOCAL_SOCKET_UMASK,
                    LOCAL_SOCKET_GID)
            // No cross checks: the C daemon takes a minimum above its maximum; connect_timeout and the
            // heuristics values then fail their range check, and the heartbeat ends at the maximum.
            .build();

    private QdeviceSettingKeys() {
    }

    private static Map<String, MasterWins> masterWinsWords() {
        Map<String, MasterWins> m = new LinkedHashMap<>();
        m.put("model", MasterWins.MODEL);
        for (String on : new String[] {"on", "yes", "1"}) {
            m.put(on, MasterWins.FORCE_ON);
        }
        for (String off : new String[] {"off", "no", "0"}) {
            m.put(off, MasterWins.FORCE_OFF);
        }
        return m;
    }

    /** Prints the markdown table of docs/settings.md's qdevice section. */
    public static void main(String[] args) {
        System.out.print(SettingsTable.markdown(SCHEMA));
    }
}
