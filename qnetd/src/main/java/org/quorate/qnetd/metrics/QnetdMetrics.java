package org.quorate.qnetd.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;
import org.quorate.qnetd.server.QnetdEvents;
import org.quorate.qnetd.server.QnetdServer;
import org.quorate.qnetd.server.TlsFailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The optional Prometheus endpoint ({@code -S metrics_address=127.0.0.1:9403}): connected clients and
 * clusters, votes by result, server errors by code, TLS failures by reason, heartbeat lag and the
 * days left on the server and CA certificates. Off unless configured; binds only where it is told.
 */
public final class QnetdMetrics implements QnetdEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QnetdMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong clients = new AtomicLong();
    private final AtomicLong clusters = new AtomicLong();
    private final AtomicLong handshakesRunning = new AtomicLong();
    private final AtomicLong handshakesWaiting = new AtomicLong();
    private final DistributionSummary heartbeatLag;
    private HttpServer http;

    public QnetdMetrics(X509Certificate serverCertificate, X509Certificate caCertificate) {
        Gauge.builder("qnetd_clients", clients, AtomicLong::get).description("Connected TCP clients").register(registry);
        Gauge.builder("qnetd_clusters", clusters, AtomicLong::get).description("Clusters with a client").register(registry);
        Gauge.builder("qnetd_tls_handshakes", handshakesRunning, AtomicLong::get).tag("state", "running")
                .description("TLS handshakes in progress, and waiting for their turn").register(registry);
        Gauge.builder("qnetd_tls_handshakes", handshakesWaiting, AtomicLong::get).tag("state", "waiting")
                .description("TLS handshakes in progress, and waiting for their turn").register(registry);
        heartbeatLag = DistributionSummary.builder("qnetd_heartbeat_lag_ms")
                .description("How much later than its interval a client's heartbeat arrived")
                .publishPercentiles(0.5, 0.99).register(registry);
        certificateExpiry("server", serverCertificate);
        certificateExpiry("ca", caCertificate);
    }

    private void certificateExpiry(String which, X509Certificate certificate) {
        if (certificate == null) {
            return;
        }
        long notAfter = certificate.getNotAfter().getTime();
        Gauge.builder("qnetd_certificate_expiry_seconds", () -> (notAfter - System.currentTimeMillis()) / 1000.0)
                .description("Seconds until the certificate expires").tag("certificate", which).register(registry);
    }

    /** Serves {@code GET /metrics} on {@code hostPort}. */
    public void start(String hostPort, QnetdServer server) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        http = HttpServer.create(new InetSocketAddress(host, port), 16);
        http.createContext("/metrics", exchange -> {
            refreshCounts(server);
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        LOG.info("Metrics endpoint on http://{}/metrics", hostPort);
    }

    private void refreshCounts(QnetdServer server) {
        try {
            long[] counts = server.onLoop(c -> new long[] {c.registry().connectionCount(), c.registry().clusters().size(),
                    c.handshakes().running(), c.handshakes().waiting()}).get(5, TimeUnit.SECONDS);
            clients.set(counts[0]);
            clusters.set(counts[1]);
            handshakesRunning.set(counts[2]);
            handshakesWaiting.set(counts[3]);
        } catch (Exception e) {
            LOG.debug("Can't refresh client counts: {}", e.toString());
        }
    }

    /** Where the endpoint listens (the port chosen when {@code :0} was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The text a scrape returns; for tests. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void voteSent(Vote vote) {
        Counter.builder("qnetd_votes_total").tag("vote", vote.name()).register(registry).increment();
    }

    @Override
    public void serverError(ReplyErrorCode code) {
        Counter.builder("qnetd_server_errors_total").tag("code", code.name()).register(registry).increment();
    }

    @Override
    public void tlsFailure(TlsFailureReason reason) {
        Counter.builder("qnetd_tls_failures_total").tag("reason", reason.label()).register(registry).increment();
    }

    @Override
    public void heartbeatLag(long lagMs) {
        heartbeatLag.record(lagMs);
    }

    @Override
    public void clientDisconnected(String reason) {
        Counter.builder("qnetd_client_disconnects_total").tag("reason", reason).register(registry).increment();
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
    }
}
