package org.quorate.qdevice.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QdeviceCommandLineTest {
    private static QdeviceSettings run(String... args) {
        QdeviceCommandLine.Outcome o = QdeviceCommandLine.parse(args, QdeviceSettings.defaults());
        assertThat(o).isInstanceOf(QdeviceCommandLine.Run.class);
        return ((QdeviceCommandLine.Run) o).settings();
    }

    @Test
    void defaultsMatchTheCDaemon() {
        QdeviceSettings s = run();
        assertThat(s.votequorumDeviceName()).isEqualTo("Qdevice");
        assertThat(s.netNssQnetdCn()).isEqualTo("Qnetd Server");
        assertThat(s.netNssClientCertNickname()).isEqualTo("Cluster Cert");
        assertThat(s.netMaxMsgReceiveSize()).isEqualTo(16 * 1024 * 1024);
        assertThat(s.netMaxSendBuffers()).isEqualTo(10);
        assertThat(s.masterWins()).isNull();
        assertThat(s.heuristicsMaxTimeout()).isEqualTo(120000);
    }

    @Test
    void flagsAndAdvancedSettings() {
        QdeviceSettings s = run("-ddf", "-S", "Master_Wins=on,local_socket_file=/tmp/q.sock,net_max_send_buffers=4");
        assertThat(s.debug()).isEqualTo(2);
        assertThat(s.foreground()).isTrue();
        assertThat(s.masterWins()).isTrue();
        assertThat(s.localSocketFile()).isEqualTo(Path.of("/tmp/q.sock"));
        assertThat(s.netMaxSendBuffers()).isEqualTo(4);
        assertThat(run("-S", "master_wins=model").masterWins()).isNull();
    }

    @Test
    void rejectsWithTheCTexts() {
        QdeviceCommandLine.Outcome o = QdeviceCommandLine.parse(new String[] {"-S", "debug=1"}, QdeviceSettings.defaults());
        assertThat(o).isEqualTo(new QdeviceCommandLine.Exit(1, "", "corosync-qdevice: Unknown option 'debug'\n"));
        o = QdeviceCommandLine.parse(new String[] {"--help"}, QdeviceSettings.defaults());
        assertThat(((QdeviceCommandLine.Exit) o).status()).isZero();
    }
}
