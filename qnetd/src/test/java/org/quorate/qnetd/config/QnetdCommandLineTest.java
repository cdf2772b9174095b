package org.quorate.qnetd.config;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.TlsSupported;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qnetd.config.QnetdSettingKeys.DPD_ENABLED;
import static org.quorate.qnetd.config.QnetdSettingKeys.HEARTBEAT_INTERVAL_MAX;
import static org.quorate.qnetd.config.QnetdSettingKeys.HEARTBEAT_INTERVAL_MIN;
import static org.quorate.qnetd.config.QnetdSettingKeys.LISTEN_BACKLOG;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCAL_SOCKET_FILE;
import static org.quorate.qnetd.config.QnetdSettingKeys.LOCK_FILE;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_RECEIVE_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_SEND_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.METRICS_ADDRESS;
import static org.quorate.qnetd.config.QnetdSettingKeys.NSS_DB_DIR;
import static org.quorate.qnetd.config.QnetdSettingKeys.TLS_HANDSHAKE_LEASE;
import static org.quorate.qnetd.config.QnetdSettingKeys.TLS_HANDSHAKE_LIMIT;

class QnetdCommandLineTest {
    private static QnetdCommandLine.Outcome parse(String... args) {
        return QnetdCommandLine.parse(args, QnetdSettings.defaults());
    }

    private static QnetdSettings run(String... args) {
        QnetdCommandLine.Outcome outcome = parse(args);
        assertThat(outcome).isInstanceOf(QnetdCommandLine.Run.class);
        return ((QnetdCommandLine.Run) outcome).settings();
    }

    private static QnetdCommandLine.Exit exit(String... args) {
        QnetdCommandLine.Outcome outcome = parse(args);
        assertThat(outcome).isInstanceOf(QnetdCommandLine.Exit.class);
        return (QnetdCommandLine.Exit) outcome;
    }

    @Test
    void defaultsAreTheCDaemons() {
        QnetdSettings s = run();
        assertThat(s.port()).isEqualTo(5403);
        assertThat(s.tls()).isEqualTo(TlsSupported.SUPPORTED);
        assertThat(s.clientCertRequired()).isTrue();
        assertThat(s.get(MAX_CLIENT_RECEIVE_SIZE)).isEqualTo(32768);
        assertThat(s.get(MAX_CLIENT_SEND_SIZE)).isEqualTo(32768);
        assertThat(s.get(LISTEN_BACKLOG)).isEqualTo(10);
        assertThat(s.get(HEARTBEAT_INTERVAL_MIN)).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.get(HEARTBEAT_INTERVAL_MAX)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.deadPeerTimeoutMs(8000)).isEqualTo(12000);
        assertThat(s.displayListenAddress()).isEqualTo("*");
        assertThat(s.get(TLS_HANDSHAKE_LIMIT)).isEqualTo(64);
        assertThat(s.get(TLS_HANDSHAKE_LEASE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void clusteredFlagsAndGluedArguments() {
        QnetdSettings s = run("-fdd", "-p5404", "-s", "OFF", "-c", "no", "-l", "198.18.0.100", "-m", "7");
        assertThat(s.foreground()).isTrue();
        assertThat(s.debug()).isEqualTo(2);
        assertThat(s.port()).isEqualTo(5404);
        assertThat(s.tls()).isEqualTo(TlsSupported.UNSUPPORTED);
        assertThat(s.clientCertRequired()).isFalse();
        assertThat(s.listenAddress()).isEqualTo("198.18.0.100");
        assertThat(s.maxClients()).isEqualTo(7);
    }

    @Test
    void tlsAcceptsReqAndRequired() {
        assertThat(run("-s", "req").tls()).isEqualTo(TlsSupported.REQUIRED);
        assertThat(run("-s", "required").tls()).isEqualTo(TlsSupported.REQUIRED);
        assertThat(exit("-s", "maybe").stderr()).isEqualTo("corosync-qnetd: tls must be one of on, off, req\n");
    }

    @Test
    void advancedSettingsAreCaseInsensitiveAndStopAtEmptyItem() {
        QnetdSettings s = run("-S", "LISTEN_BACKLOG=50,dpd_enabled=off,,listen_backlog=bogus",
                "-S", "lock_file=/tmp/q.pid,local_socket_file=/tmp/q.sock,nss_db_dir=/tmp/db");
        assertThat(s.get(LISTEN_BACKLOG)).isEqualTo(50);
        assertThat(s.get(DPD_ENABLED)).isFalse();
        assertThat(s.get(LOCK_FILE)).isEqualTo(Path.of("/tmp/q.pid"));
        assertThat(s.get(LOCAL_SOCKET_FILE)).isEqualTo(Path.of("/tmp/q.sock"));
        assertThat(s.get(NSS_DB_DIR)).isEqualTo(Path.of("/tmp/db"));
    }

    @Test
    void errorsUseTheCTextsAndExitOne() {
        assertThat(exit("-x")).isEqualTo(new QnetdCommandLine.Exit(1, QnetdCommandLine.USAGE,
                "corosync-qnetd: invalid option -- 'x'\n"));
        assertThat(exit("-p").stderr()).isEqualTo("corosync-qnetd: option requires an argument -- 'p'\n");
        assertThat(exit("-p", "0").stderr()).isEqualTo("corosync-qnetd: host port must be in range 1-65535\n");
        assertThat(exit("-p", "65536").status()).isEqualTo(1);
        assertThat(exit("-S", "foo=1").stderr()).isEqualTo("corosync-qnetd: Unknown option 'foo'\n");
        assertThat(exit("-S", "listen_backlog=0").stderr())
                .isEqualTo("corosync-qnetd: Invalid value '0' for option 'listen_backlog'\n");
        assertThat(exit("-m", "x").stderr()).isEqualTo("corosync-qnetd: max clients value x is invalid\n");
        assertThat(exit("-c", "maybe").stderr())
                .isEqualTo("corosync-qnetd: client_cert_required should be on/yes/1, off/no/0\n");
        assertThat(exit("-S", "heartbeat_interval_min=5000,heartbeat_interval_max=2000").stderr())
                .contains("heartbeat_interval_min (5000)");
    }

    @Test
    void helpAndVersionExitOneLikeTheCDaemon() {
        assertThat(exit("-h")).isEqualTo(new QnetdCommandLine.Exit(1, QnetdCommandLine.USAGE, ""));
        QnetdCommandLine.Exit v = exit("-v");
        assertThat(v.status()).isEqualTo(1);
        assertThat(v.stdout()).contains("Supported algorithms: Test (0), Fifty-Fifty split (1), 2 Node LMS (2), LMS (3)\n");
        assertThat(exit("--help").status()).isZero();
        assertThat(exit("--help").stdout()).startsWith(QnetdCommandLine.USAGE).contains("QUORATE_COROSYNC_CONF_DIR");
    }

    @Test
    void deprecatedDpdIntervalWarnsButRuns() {
        QnetdCommandLine.Outcome o = parse("-S", "dpd_interval=3");
        assertThat(o).isInstanceOf(QnetdCommandLine.Run.class);
        assertThat(((QnetdCommandLine.Run) o).warnings())
                .containsExactly("Option 'dpd_interval' is deprecated and has no effect anymore");
        assertThat(exit("-S", "dpd_interval=3", "-h").stderr())
                .isEqualTo("corosync-qnetd: Option 'dpd_interval' is deprecated and has no effect anymore\n");
    }

    @Test
    void theHandshakeGateLimitsAreSettings() {
        QnetdSettings s = run("-S", "tls_handshake_limit=8,tls_handshake_lease=250");
        assertThat(s.get(TLS_HANDSHAKE_LIMIT)).isEqualTo(8);
        assertThat(s.get(TLS_HANDSHAKE_LEASE)).isEqualTo(Duration.ofMillis(250));
        assertThat(exit("-S", "tls_handshake_limit=0").stderr())
                .isEqualTo("corosync-qnetd: Invalid value '0' for option 'tls_handshake_limit'\n");
    }

    @Test
    void heartbeatMinimumAboveMaximumIsRefusedAfterAllOptions() {
        assertThat(exit("-S", "heartbeat_interval_min=5000", "-S", "heartbeat_interval_max=4000").stderr())
                .isEqualTo("corosync-qnetd: heartbeat_interval_min (5000) must not be greater than "
                        + "heartbeat_interval_max (4000)\n");
    }

    @Test
    void metricsAddressIsValidated() {
        assertThat(run("-S", "metrics_address=127.0.0.1:9403").get(METRICS_ADDRESS)).isEqualTo("127.0.0.1:9403");
        assertThat(exit("-S", "metrics_address=nowhere").stderr())
                .isEqualTo("corosync-qnetd: Invalid value 'nowhere' for option 'metrics_address'\n");
    }
}
