package org.quorate.certs.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** Checks that tie a certificate to the one CA of a qnetd installation (single level, path length 0). */
public final class Chains {
    private Chains() {
    }

    /** True when {@code certificate} names {@code ca} as issuer and carries a valid signature by it. */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when the certificate is a CA (basicConstraints cA=true). */
    public static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }
}
