package org.quorate.qnetd.badinput;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TlsSupported;
import org.quorate.qnetd.config.QnetdSettingKeys;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.daemon.QnetdTls;
import org.quorate.qnetd.server.QnetdEvents;
import org.quorate.qnetd.server.QnetdServer;
import org.quorate.qnetd.server.TlsFailureReason;
import org.quorate.testsupport.lab.Await;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process qnetd on a real loopback socket, built the way the daemon builds it (TLS context from the
 * certificate store through {@link QnetdTls}), with its log lines and {@link QnetdEvents} recorded.
 * Heartbeats down to 100 ms are allowed so dead-peer detection fires within a test's patience.
 */
final class LiveQnetd implements AutoCloseable {
    static final long MIN_HEARTBEAT_MS = 100;

    private final QnetdServer server;
    private final InetSocketAddress address;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger qnetdLogger = (Logger) LoggerFactory.getLogger("org.quorate.qnetd");
    final List<String> events = new CopyOnWriteArrayList<>();

    LiveQnetd(TestPki pki, TlsSupported tls) throws Exception {
        this(pki, tls, QnetdSettingKeys.TLS_HANDSHAKE_LIMIT.defaultValue(),
                QnetdSettingKeys.TLS_HANDSHAKE_LEASE.defaultValue().toMillis());
    }

    LiveQnetd(TestPki pki, TlsSupported tls, int handshakeLimit, long handshakeLeaseMillis) throws Exception {
        log.start();
        qnetdLogger.addAppender(log);
        QnetdSettings settings = QnetdSettings.defaults().toBuilder()
                .listenAddress("127.0.0.1").port(0).tls(tls).clientCertRequired(true)
                .set(QnetdSettingKeys.HEARTBEAT_INTERVAL_MIN, Duration.ofMillis(MIN_HEARTBEAT_MS))
                .set(QnetdSettingKeys.TLS_HANDSHAKE_LIMIT, handshakeLimit)
                .set(QnetdSettingKeys.TLS_HANDSHAKE_LEASE, Duration.ofMillis(handshakeLeaseMillis)).build();
        var ssl = QnetdTls.serverContext(pki.store().serverKey(), pki.store().caCertificate(), true);
        server = new QnetdServer(settings, ssl, new Recorder());
        address = server.start();
    }

    InetSocketAddress address() {
        return address;
    }

    RawQnetClient connect() throws Exception {
        return RawQnetClient.connect(address);
    }

    /** Open connections as the server's logic thread counts them. */
    int connections() {
        return server.onLoop(ctx -> ctx.registry().connectionCount()).join();
    }

    /** TLS handshakes running and waiting for their turn, as the logic thread sees them. */
    int[] handshakes() {
        return server.onLoop(ctx -> new int[] {ctx.handshakes().running(), ctx.handshakes().waiting()}).join();
    }

    /** Waits until the server has seen the bad connections go away again. */
    void awaitConnections(int expected) {
        Await.until("qnetd connection count " + expected, Duration.ofSeconds(5), Duration.ofMillis(20),
                this::connections, n -> n == expected, String::valueOf);
    }

    /** Formatted log lines at WARN or above (and DEBUG when a test raised the level) so far. */
    List<String> logLines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** Waits for a log line containing all {@code parts}; returns it. */
    String awaitLogLine(String... parts) {
        return Await.until("a qnetd log line with " + List.of(parts), Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> logLines().stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).findFirst()
                        .orElse(null),
                l -> l != null, l -> String.join("\n", logLines()));
    }

    void awaitEvent(String event) {
        Await.until("qnetd event " + event, Duration.ofSeconds(5), Duration.ofMillis(20), () -> events,
                e -> e.contains(event), String::valueOf);
    }

    void clearRecords() {
        log.list.clear();
        events.clear();
    }

    Logger logger() {
        return qnetdLogger;
    }

    @Override
    public void close() {
        server.close();
        qnetdLogger.detachAppender(log);
    }

    private final class Recorder implements QnetdEvents {
        @Override
        public void serverError(ReplyErrorCode code) {
            events.add("serverError:" + code.code());
        }

        @Override
        public void tlsFailure(TlsFailureReason reason) {
            events.add("tlsFailure:" + reason.label());
        }

        @Override
        public void clientDisconnected(String reason) {
            events.add("disconnected:" + reason);
        }
    }
}
