package org.quorate.qnetd.server;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;

/** Sorts TLS failures into a few stable reasons for logs and the metrics label. */
final class TlsFailureReason {
    private TlsFailureReason() {
    }

    static boolean isTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SSLException || c instanceof NotSslRecordException) {
                return true;
            }
        }
        return t instanceof DecoderException && t.getCause() instanceof SSLException;
    }

    static String classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "certificate_expired";
            }
            if (c instanceof CertPathValidatorException) {
                return "untrusted_certificate";
            }
            if (c instanceof NotSslRecordException) {
                return "not_tls";
            }
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("expired")) {
                return "certificate_expired";
            }
            if (m.contains("certificate_required") || m.contains("empty client certificate")
                    || m.contains("peer not authenticated")) {
                return "no_client_certificate";
            }
            if (m.contains("unable to find valid certification path") || m.contains("unknown_ca")
                    || m.contains("path") && m.contains("valid")) {
                return "untrusted_certificate";
            }
            if (m.contains("closed") || m.contains("close_notify") || m.contains("connection reset")) {
                return "handshake_aborted";
            }
        }
        return t instanceof SSLHandshakeException ? "handshake_failed" : "tls_error";
    }
}
