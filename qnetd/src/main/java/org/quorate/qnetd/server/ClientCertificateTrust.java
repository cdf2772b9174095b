package org.quorate.qnetd.server;

import io.netty.handler.ssl.OpenSslCertificateException;
import io.netty.internal.tcnative.CertificateVerifier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Client-certificate validation that says why it refused: wraps the PKIX trust manager and, when it refuses a
 * chain, finds the {@link TlsFailureReason} from the certificates themselves (validity dates, whether this
 * qnetd's CA signed them) instead of from PKIX's words. The refusal carries the TLS alert the C server (NSS)
 * sends: {@code certificate_expired} for a certificate outside its validity, {@code unknown_ca} for one from
 * another CA. BoringSSL takes the alert from the OpenSSL verify code; the JDK's engine from the
 * {@link CertPathValidatorException.BasicReason} (it has no reason for an unknown CA and sends
 * {@code certificate_unknown} then).
 */
public final class ClientCertificateTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final X509Certificate ca;
    private final LongSupplier wallClockMillis;
    private final boolean openSslCodes;

    /**
     * @param pkix            the validation itself (PKIX against {@code ca} alone, possibly caching)
     * @param wallClockMillis the time the certificates' validity is judged at
     * @param openSslCodes    true when BoringSSL/OpenSSL (netty-tcnative) is loaded: the refusal then carries an
     *                        OpenSSL verify code, which decides the alert
     */
    public ClientCertificateTrust(X509ExtendedTrustManager pkix, X509Certificate ca, LongSupplier wallClockMillis,
                                  boolean openSslCodes) {
        this.pkix = pkix;
        this.ca = ca;
        this.wallClockMillis = wallClockMillis;
        this.openSslCodes = openSslCodes;
    }

    /** A refused client certificate, with its reason and a sentence naming the certificate. */
    public static final class Rejected extends CertPathValidatorException {
        private final transient TlsFailureReason reason;

        Rejected(TlsFailureReason reason, String message, Throwable pkixFailure, BasicReason basic) {
            super(message, pkixFailure, null, -1, basic);
            this.reason = reason;
        }

        public TlsFailureReason reason() {
            return reason;
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check validation) throws CertificateException {
        try {
            validation.run();
        } catch (CertificateException e) {
            throw refusal(chain, e);
        }
    }

    /** The refusal of {@code chain}, which PKIX refused with {@code pkixFailure}. */
    CertificateException refusal(X509Certificate[] chain, CertificateException pkixFailure) {
        if (chain == null || chain.length == 0) {
            return wrap(new Rejected(TlsFailureReason.NO_CLIENT_CERTIFICATE, "the client sent an empty certificate chain",
                    pkixFailure, CertPathValidatorException.BasicReason.UNSPECIFIED));
        }
        X509Certificate leaf = chain[0];
        String who = "the client certificate \"" + leaf.getSubjectX500Principal().getName() + "\" (serial "
                + leaf.getSerialNumber() + ")";
        Instant now = Instant.ofEpochMilli(wallClockMillis.getAsLong());
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return wrap(new Rejected(TlsFailureReason.CERTIFICATE_EXPIRED, who + " expired on "
                    + leaf.getNotAfter().toInstant() + " (now " + now + ")", pkixFailure,
                    CertPathValidatorException.BasicReason.EXPIRED));
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return wrap(new Rejected(TlsFailureReason.CERTIFICATE_NOT_YET_VALID, who + " is valid only from "
                    + leaf.getNotBefore().toInstant() + " (now " + now + ")", pkixFailure,
                    CertPathValidatorException.BasicReason.NOT_YET_VALID));
        }
        if (!chainNamesCa(chain)) {
            return wrap(new Rejected(TlsFailureReason.UNKNOWN_CA, who + " was issued by \""
                    + leaf.getIssuerX500Principal().getName() + "\", a CA this qnetd does not know (its CA is \""
                    + ca.getSubjectX500Principal().getName() + "\")", pkixFailure,
                    CertPathValidatorException.BasicReason.UNSPECIFIED), UNKNOWN_ISSUER);
        }
        if (!signedByCa(chain)) {
            // NSS finds its CA by the name and then fails the signature: the C server sends bad_certificate.
            return wrap(new Rejected(TlsFailureReason.UNKNOWN_CA, who + " names issuer \""
                    + leaf.getIssuerX500Principal().getName() + "\", but this qnetd's CA \""
                    + ca.getSubjectX500Principal().getName() + "\" (serial " + ca.getSerialNumber()
                    + ") did not sign it", pkixFailure, CertPathValidatorException.BasicReason.INVALID_SIGNATURE),
                    BAD_SIGNATURE);
        }
        return wrap(new Rejected(TlsFailureReason.BAD_CERTIFICATE, who + " failed validation: "
                + pkixFailure.getMessage(), pkixFailure, CertPathValidatorException.BasicReason.UNSPECIFIED));
    }

    /** True when some certificate of the chain names this qnetd's CA as its issuer. */
    private boolean chainNamesCa(X509Certificate[] chain) {
        for (X509Certificate c : chain) {
            if (c.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }

    /** True when some certificate of the chain carries a signature of the CA's key. */
    private boolean signedByCa(X509Certificate[] chain) {
        for (X509Certificate c : chain) {
            if (!c.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                continue;
            }
            try {
                c.verify(ca.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // signed by another key under the same name: keep looking
            }
        }
        return false;
    }

    /** How the refusal is put to BoringSSL, which picks the alert from it (the alert NSS sends in brackets). */
    private static final int EXPIRY = 1;            // certificate_expired, for NotAfter and NotBefore alike
    private static final int UNKNOWN_ISSUER = 2;    // unknown_ca
    private static final int BAD_SIGNATURE = 3;     // bad_certificate
    private static final int OTHER = 4;             // bad_certificate

    private CertificateException wrap(Rejected rejected) {
        return wrap(rejected, rejected.reason() == TlsFailureReason.CERTIFICATE_EXPIRED
                || rejected.reason() == TlsFailureReason.CERTIFICATE_NOT_YET_VALID ? EXPIRY : OTHER);
    }

    private CertificateException wrap(Rejected rejected, int kind) {
        if (!openSslCodes) {
            return new CertificateException(rejected.getMessage(), rejected);
        }
        int code = switch (kind) {
            case EXPIRY -> rejected.reason() == TlsFailureReason.CERTIFICATE_EXPIRED
                    ? CertificateVerifier.X509_V_ERR_CERT_HAS_EXPIRED : CertificateVerifier.X509_V_ERR_CERT_NOT_YET_VALID;
            case UNKNOWN_ISSUER -> CertificateVerifier.X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
            default -> CertificateVerifier.X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE;
        };
        return new OpenSslCertificateException(rejected.getMessage(), rejected, code);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
