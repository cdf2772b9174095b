package org.quorate.qnetd.server;

import io.netty.handler.ssl.NotSslRecordException;

import javax.net.ssl.SSLHandshakeException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Why a client's TLS (or the certificate check after it) failed: the {@code reason} label of
 * {@code qnetd_tls_failures_total} and the words of the one log line per failed connection.
 */
public enum TlsFailureReason {
    CERTIFICATE_EXPIRED("certificate_expired", "its certificate has expired"),
    CERTIFICATE_NOT_YET_VALID("certificate_not_yet_valid", "its certificate is not valid yet"),
    UNKNOWN_CA("unknown_ca", "its certificate was not issued by this qnetd's CA"),
    BAD_CERTIFICATE("bad_certificate", "its certificate failed validation"),
    NO_CLIENT_CERTIFICATE("no_client_certificate", "it sent no client certificate, and one is required"),
    CERTIFICATE_NAME_MISMATCH("certificate_name_mismatch", "its certificate CN does not match its cluster name"),
    CLUSTER_NAME_CHANGED("cluster_name_changed", "it changed its cluster name after its certificate was verified"),
    TLS_OFF("tls_off", "it asked for TLS, which is off"),
    HANDSHAKE_CUT("handshake_cut", "the connection closed before the TLS handshake finished"),
    NOT_TLS("not_tls", "it sent bytes that are not TLS after STARTTLS"),
    HANDSHAKE_FAILED("handshake_failed", "the TLS handshake failed (no common protocol version or cipher)"),
    TLS_ERROR("tls_error", "a TLS error occurred");

    private final String label;
    private final String description;

    TlsFailureReason(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The metrics label, stable across releases. */
    public String label() {
        return label;
    }

    /** What happened, as the end of "TLS with client X failed: ...". */
    public String description() {
        return description;
    }

    /** True when {@code t} came from the TLS layer (the engine or a record that is not TLS). */
    static boolean isTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException || c instanceof NotSslRecordException) {
                return true;
            }
        }
        return false;
    }

    /** The detail worth a person's reading after {@link #description()}, or null. */
    static String detail(TlsFailureReason reason, Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClientCertificateTrust.Rejected rejected) {
                return rejected.getMessage();
            }
        }
        if (reason != HANDSHAKE_FAILED && reason != TLS_ERROR) {
            return null;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Sorts a TLS failure of the engine. Certificate problems come typed from {@link ClientCertificateTrust};
     * the rest is told by exception type, and by the engines' error identifiers (BoringSSL's and JSSE's, not
     * prose) only for the missing client certificate, which the engine itself refuses.
     */
    static TlsFailureReason classify(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClientCertificateTrust.Rejected rejected) {
                return rejected.reason();
            }
            if (c instanceof NotSslRecordException) {
                return NOT_TLS;
            }
            if (c instanceof ClosedChannelException) {
                return HANDSHAKE_CUT;
            }
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toUpperCase(Locale.ROOT);
            if (m.contains("PEER_DID_NOT_RETURN_A_CERTIFICATE") || m.contains("EMPTY CLIENT CERTIFICATE CHAIN")) {
                return NO_CLIENT_CERTIFICATE;
            }
        }
        return failure instanceof SSLHandshakeException || failure.getCause() instanceof SSLHandshakeException
                ? HANDSHAKE_FAILED : TLS_ERROR;
    }
}
