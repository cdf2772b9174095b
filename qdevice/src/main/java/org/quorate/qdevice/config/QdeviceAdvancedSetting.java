package org.quorate.qdevice.config;

import org.quorate.config.AdvancedSettingsParser;
import org.quorate.config.SettingsException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code -S} settings of corosync-qdevice (spec §10.2): name, accepted range, and where the value
 * goes, in one table. Error texts are the C daemon's.
 */
public final class QdeviceAdvancedSetting {
    private QdeviceAdvancedSetting() {
    }

    /** Applies {@code items} on top of {@code base}. */
    public static QdeviceSettings apply(QdeviceSettings base, Iterable<AdvancedSettingsParser.Item> items)
            throws SettingsException {
        Map<String, Object> v = toMap(base);
        for (AdvancedSettingsParser.Item item : items) {
            String name = item.name().toLowerCase(Locale.ROOT);
            if (!v.containsKey(name) || name.equals("debug") || name.equals("foreground")) {
                throw new SettingsException("Unknown option '" + item.name() + "'");
            }
            Object parsed = parse(name, item.value());
            if (parsed == null && !name.equals("master_wins") && !name.equals("local_socket_gid")) {
                throw new SettingsException("Invalid value '" + item.value() + "' for option '" + item.name() + "'");
            }
            if (name.equals("master_wins") && parsed == null && !item.value().equalsIgnoreCase("model")) {
                throw new SettingsException("Invalid value '" + item.value() + "' for option '" + item.name() + "'");
            }
            v.put(name, parsed);
        }
        return fromMap(v);
    }

    private static Object parse(String name, String value) {
        return switch (name) {
            case "lock_file", "local_socket_file", "net_nss_db_dir" -> value.isEmpty() ? null : Path.of(value);
            case "votequorum_device_name", "net_nss_qnetd_cn", "net_nss_client_cert_nickname" ->
                    value.isEmpty() ? null : value;
            case "local_socket_gid" -> value.isEmpty() || value.equals("-1") ? null : value;
            case "local_socket_umask" -> value.matches("[0-7]{1,4}") && Integer.parseInt(value, 8) <= 0777
                    ? Integer.parseInt(value, 8) : null;
            case "master_wins" -> AdvancedSettingsParser.parseBoolean(value);
            case "heuristics_use_execvp", "net_test_algorithm_enabled" -> AdvancedSettingsParser.parseBoolean(value);
            default -> {
                Long n = AdvancedSettingsParser.parseLong(value, minimum(name), Integer.MAX_VALUE);
                yield n;
            }
        };
    }

    private static long minimum(String name) {
        return switch (name) {
            case "ipc_max_clients" -> 0;
            case "local_socket_backlog", "max_cs_try_again", "heuristics_max_execs", "heuristics_max_processes",
                 "net_heartbeat_interval_min", "net_heartbeat_interval_max", "net_min_connect_timeout",
                 "net_max_connect_timeout" -> 1;
            case "ipc_max_receive_size", "ipc_max_send_size", "heuristics_ipc_max_send_receive_size" -> 1024;
            case "heuristics_ipc_max_send_buffers" -> 10;
            case "heuristics_min_timeout", "heuristics_max_timeout", "heuristics_min_interval",
                 "heuristics_max_interval", "heuristics_kill_list_interval" -> 250;
            case "net_max_send_buffers" -> 2;
            default -> 16; // the net_*_msg_*_size settings
        };
    }

    private static Map<String, Object> toMap(QdeviceSettings s) {
        Map<String, Object> m = new HashMap<>();
        m.put("lock_file", s.lockFile());
        m.put("local_socket_file", s.localSocketFile());
        m.put("local_socket_umask", s.localSocketUmask());
        m.put("local_socket_gid", s.localSocketGid());
        m.put("local_socket_backlog", (long) s.localSocketBacklog());
        m.put("max_cs_try_again", (long) s.maxCsTryAgain());
        m.put("votequorum_device_name", s.votequorumDeviceName());
        m.put("ipc_max_clients", (long) s.ipcMaxClients());
        m.put("ipc_max_receive_size", (long) s.ipcMaxReceiveSize());
        m.put("ipc_max_send_size", (long) s.ipcMaxSendSize());
        m.put("master_wins", s.masterWins());
        m.put("heuristics_ipc_max_send_buffers", (long) s.heuristicsIpcMaxSendBuffers());
        m.put("heuristics_ipc_max_send_receive_size", (long) s.heuristicsIpcMaxSendReceiveSize());
        m.put("heuristics_min_timeout", s.heuristicsMinTimeout());
        m.put("heuristics_max_timeout", s.heuristicsMaxTimeout());
        m.put("heuristics_min_interval", s.heuristicsMinInterval());
        m.put("heuristics_max_interval", s.heuristicsMaxInterval());
        m.put("heuristics_max_execs", (long) s.heuristicsMaxExecs());
        m.put("heuristics_use_execvp", s.heuristicsUseExecvp());
        m.put("heuristics_max_processes", (long) s.heuristicsMaxProcesses());
        m.put("heuristics_kill_list_interval", s.heuristicsKillListInterval());
        m.put("net_nss_db_dir", s.netNssDbDir());
        m.put("net_initial_msg_receive_size", (long) s.netInitialMsgReceiveSize());
        m.put("net_initial_msg_send_size", (long) s.netInitialMsgSendSize());
        m.put("net_min_msg_send_size", (long) s.netMinMsgSendSize());
        m.put("net_max_msg_receive_size", (long) s.netMaxMsgReceiveSize());
        m.put("net_max_send_buffers", (long) s.netMaxSendBuffers());
        m.put("net_nss_qnetd_cn", s.netNssQnetdCn());
        m.put("net_nss_client_cert_nickname", s.netNssClientCertNickname());
        m.put("net_heartbeat_interval_min", s.netHeartbeatIntervalMin());
        m.put("net_heartbeat_interval_max", s.netHeartbeatIntervalMax());
        m.put("net_min_connect_timeout", s.netMinConnectTimeout());
        m.put("net_max_connect_timeout", s.netMaxConnectTimeout());
        m.put("net_test_algorithm_enabled", s.netTestAlgorithmEnabled());
        m.put("debug", (long) s.debug());
        m.put("foreground", s.foreground());
        return m;
    }

    private static QdeviceSettings fromMap(Map<String, Object> m) {
        return new QdeviceSettings(i(m, "debug"), (Boolean) m.get("foreground"), (Path) m.get("lock_file"),
                (Path) m.get("local_socket_file"), (Integer) m.get("local_socket_umask"),
                (String) m.get("local_socket_gid"), i(m, "local_socket_backlog"), i(m, "max_cs_try_again"),
                (String) m.get("votequorum_device_name"), i(m, "ipc_max_clients"), i(m, "ipc_max_receive_size"),
                i(m, "ipc_max_send_size"), (Boolean) m.get("master_wins"), i(m, "heuristics_ipc_max_send_buffers"),
                i(m, "heuristics_ipc_max_send_receive_size"), l(m, "heuristics_min_timeout"),
                l(m, "heuristics_max_timeout"), l(m, "heuristics_min_interval"), l(m, "heuristics_max_interval"),
                i(m, "heuristics_max_execs"), (Boolean) m.get("heuristics_use_execvp"),
                i(m, "heuristics_max_processes"), l(m, "heuristics_kill_list_interval"), (Path) m.get("net_nss_db_dir"),
                i(m, "net_initial_msg_receive_size"), i(m, "net_initial_msg_send_size"), i(m, "net_min_msg_send_size"),
                i(m, "net_max_msg_receive_size"), i(m, "net_max_send_buffers"), (String) m.get("net_nss_qnetd_cn"),
                (String) m.get("net_nss_client_cert_nickname"), l(m, "net_heartbeat_interval_min"),
                l(m, "net_heartbeat_interval_max"), l(m, "net_min_connect_timeout"), l(m, "net_max_connect_timeout"),
                (Boolean) m.get("net_test_algorithm_enabled"));
    }

    private static int i(Map<String, Object> m, String k) {
        return ((Long) m.get(k)).intValue();
    }

    private static long l(Map<String, Object> m, String k) {
        return (Long) m.get(k);
    }
}
