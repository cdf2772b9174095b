package org.quorate.qnetd.metrics;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.Preinit;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.server.QnetdServer;
import org.quorate.qnetd.server.TlsFailureReason;
import org.quorate.testsupport.lab.Await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus endpoint on a live server: counts read from the logic thread at scrape time, events counted. */
class QnetdMetricsTest {
    private static final QnetdSettings PLAIN = QnetdSettings.defaults().toBuilder()
            .listenAddress("127.0.0.1").port(0).tls(TlsSupported.UNSUPPORTED).build();

    @Test
    void aScrapeShowsConnectedClientsHandshakesAndCountedEvents() throws Exception {
        try (QnetdMetrics metrics = new QnetdMetrics(null, null);
             QnetdServer server = new QnetdServer(PLAIN, null, metrics)) {
            InetSocketAddress qnetd = server.start();
            metrics.start("127.0.0.1:0", server);
            metrics.voteSent(Vote.ACK);
            metrics.voteSent(Vote.ACK);
            metrics.serverError(ReplyErrorCode.DUPLICATE_NODE_ID);
            metrics.tlsFailure(TlsFailureReason.UNKNOWN_CA);
            metrics.heartbeatLag(12);
            try (Socket node = new Socket()) {
                node.connect(qnetd, 2000);
                node.getOutputStream().write(QnetCodec.encode(new Preinit(1L, ClusterName.of("metered"))));
                String text = Await.until("one client in the scrape", Duration.ofSeconds(5), Duration.ofMillis(50),
                        () -> scrape(metrics), t -> t.contains("qnetd_clients 1.0"), t -> t);
                assertThat(text)
                        .contains("qnetd_clusters 0.0")
                        .contains("qnetd_tls_handshakes{state=\"running\"} 0.0")
                        .contains("qnetd_tls_handshakes{state=\"waiting\"} 0.0")
                        .contains("qnetd_votes_total{vote=\"ACK\"} 2.0")
                        .contains("qnetd_server_errors_total{code=\"DUPLICATE_NODE_ID\"} 1.0")
                        .contains("qnetd_tls_failures_total{reason=\"unknown_ca\"} 1.0")
                        .contains("qnetd_heartbeat_lag_ms_count 1\n")
                        .doesNotContain("qnetd_certificate_expiry_seconds");
            }
        }
    }

    private static String scrape(QnetdMetrics metrics) {
        InetSocketAddress at = metrics.address();
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + at.getPort() + "/metrics")
                    .toURL().openConnection();
            assertThat(http.getResponseCode()).isEqualTo(200);
            assertThat(http.getContentType()).startsWith("text/plain; version=0.0.4");
            try (InputStream in = http.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
