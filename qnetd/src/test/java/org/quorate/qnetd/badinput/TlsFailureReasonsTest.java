package org.quorate.qnetd.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason a client's TLS fails, over real TLS against a live qnetd (TLS on, client certificates required):
 * each failed connection is counted once under its own {@code qnetd_tls_failures_total} reason, leaves one log
 * line naming the problem, and the client hears what it hears from the C server in the same case (the alert
 * column is checked against corosync-qnetd 3.0.3 by {@link CQnetdTlsAlertsTest}).
 */
@Timeout(60)
class TlsFailureReasonsTest extends LiveServerFixture {
    /**
     * case, counted as, what Quorate's client hears, what the C server's client hears (measured by
     * {@link CQnetdTlsAlertsTest}), words of Quorate's log line (';' between them).
     */
    static final String TABLE = """
            EXPIRED,                  certificate_expired,       alert certificate_expired,  alert certificate_expired,  its certificate has expired;expired on;CN=healthy
            NOT_YET_VALID,            certificate_not_yet_valid, alert certificate_expired,  alert certificate_expired,  its certificate is not valid yet;is valid only from
            OTHER_CA,                 unknown_ca,                alert bad_certificate,      alert bad_certificate,      was not issued by this qnetd's CA;did not sign it
            OTHER_NAMED_CA,           unknown_ca,                alert unknown_ca,           alert unknown_ca,           a CA this qnetd does not know;"CN=Other CA"
            NO_CLIENT_CERTIFICATE,    no_client_certificate,     alert certificate_required, alert certificate_required, it sent no client certificate
            WRONG_CN,                 certificate_name_mismatch, closed,                     closed,                     doesn't sent certificate with valid CN;"healthy";"other-cluster"
            CLUSTER_NAME_CHANGE,      cluster_name_changed,      closed,                     open,                       tried to change its cluster name;"erratum";"healthy"
            HANDSHAKE_CUT,            handshake_cut,             closed,                     closed,                     the connection closed before the TLS handshake finished
            PLAINTEXT_AFTER_STARTTLS, not_tls,                   closed,                     reset,                      it sent bytes that are not TLS after STARTTLS
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = TABLE)
    void eachFailureIsCountedOnceUnderItsReasonWithOneLogLine(BadTlsClient bad, String reason, String heard,
                                                              String cHeard, String logWords) throws Exception {
        String[] words = logWords.split(";");
        RawQnetClient client = qnetd.connect();
        int port = client.localPort();
        String farewell;
        try (client) {
            farewell = bad.play(client, pki);
        }
        qnetd.awaitConnections(2);
        qnetd.awaitLogLine(words);

        List<String> failures = qnetd.events.stream().filter(e -> e.startsWith("tlsFailure:")).toList();
        List<String> lines = qnetd.logLines().stream()
                .filter(l -> l.startsWith("WARN") || l.startsWith("ERROR"))
                .filter(l -> l.contains(":" + port + " ") || l.contains(":" + port + ")"))
                .toList();
        System.out.printf("TLS case %-25s counted %-40s client heard %-27s log: %s%n", bad, failures, farewell, lines);
        assertThat(failures).as("counted once, as " + reason).containsExactly("tlsFailure:" + reason);
        assertThat(lines).as("one log line").hasSize(1);
        assertThat(lines.get(0)).contains(words).doesNotContain("Exception");
        assertThat(farewell).as("what the client heard").isEqualTo(heard);
    }
}
