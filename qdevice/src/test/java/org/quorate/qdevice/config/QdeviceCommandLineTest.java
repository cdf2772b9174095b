package org.quorate.qdevice.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MAX_TIMEOUT;
import static org.quorate.qdevice.config.QdeviceSettingKeys.LOCAL_SOCKET_FILE;
import static org.quorate.qdevice.config.QdeviceSettingKeys.MASTER_WINS;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_HEARTBEAT_INTERVAL_MIN;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_MAX_MSG_RECEIVE_SIZE;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_MAX_SEND_BUFFERS;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_NSS_CLIENT_CERT_NICKNAME;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_NSS_QNETD_CN;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_TEST_ALGORITHM_ENABLED;
import static org.quorate.qdevice.config.QdeviceSettingKeys.VOTEQUORUM_DEVICE_NAME;

class QdeviceCommandLineTest {
    private static QdeviceSettings run(String... args) {
        QdeviceCommandLine.Outcome o = QdeviceCommandLine.parse(args, QdeviceSettings.defaults());
        assertThat(o).isInstanceOf(QdeviceCommandLine.Run.class);
        return ((QdeviceCommandLine.Run) o).settings();
    }

    @Test
    void defaultsMatchTheCDaemon() {
        QdeviceSettings s = run();
        assertThat(s.get(VOTEQUORUM_DEVICE_NAME)).isEqualTo("Qdevice");
        assertThat(s.get(NET_NSS_QNETD_CN)).isEqualTo("Qnetd Server");
        assertThat(s.get(NET_NSS_CLIENT_CERT_NICKNAME)).isEqualTo("Cluster Cert");
        assertThat(s.get(NET_MAX_MSG_RECEIVE_SIZE)).isEqualTo(16 * 1024 * 1024);
        assertThat(s.get(NET_MAX_SEND_BUFFERS)).isEqualTo(10);
        assertThat(s.get(MASTER_WINS)).isEqualTo(MasterWins.MODEL);
        assertThat(s.get(HEURISTICS_MAX_TIMEOUT)).isEqualTo(Duration.ofMillis(120000));
        assertThat(s.get(NET_TEST_ALGORITHM_ENABLED)).isFalse();
    }

    @Test
    void flagsAndAdvancedSettings() {
        QdeviceSettings s = run("-ddf", "-S", "Master_Wins=on,local_socket_file=/tmp/q.sock,net_max_send_buffers=4");
        assertThat(s.debug()).isEqualTo(2);
        assertThat(s.foreground()).isTrue();
        assertThat(s.get(MASTER_WINS)).isEqualTo(MasterWins.FORCE_ON);
        assertThat(s.get(LOCAL_SOCKET_FILE)).isEqualTo(Path.of("/tmp/q.sock"));
        assertThat(s.get(NET_MAX_SEND_BUFFERS)).isEqualTo(4);
        assertThat(run("-S", "master_wins=model").get(MASTER_WINS)).isEqualTo(MasterWins.MODEL);
        assertThat(run("-S", "master_wins=no").get(MASTER_WINS)).isEqualTo(MasterWins.FORCE_OFF);
        assertThat(run("-S", "net_heartbeat_interval_min=4294967295").get(NET_HEARTBEAT_INTERVAL_MIN))
                .isEqualTo(Duration.ofMillis(4294967295L));
    }

    @Test
    void rejectsWithTheCTexts() {
        QdeviceCommandLine.Outcome o = QdeviceCommandLine.parse(new String[] {"-S", "debug=1"}, QdeviceSettings.defaults());
        assertThat(o).isEqualTo(new QdeviceCommandLine.Exit(1, "", "corosync-qdevice: Unknown option 'debug'\n"));
        o = QdeviceCommandLine.parse(new String[] {"--help"}, QdeviceSettings.defaults());
        assertThat(((QdeviceCommandLine.Exit) o).status()).isZero();
    }
}
