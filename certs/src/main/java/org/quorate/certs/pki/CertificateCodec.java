package org.quorate.certs.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;

/** Certificates and private keys to and from bytes (DER or PEM). */
public final class CertificateCodec {
    private CertificateCodec() {
    }

    /**
     * A certificate from DER, PEM, or certutil's listing followed by PEM (the {@code qnetd-cacert.crt} form).
     *
     * @throws IllegalArgumentException when the bytes hold no certificate
     */
    public static X509Certificate certificate(byte[] encoded) {
        try {
            byte[] der = PemText.derOf(encoded, "CERTIFICATE");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 certificate (DER or PEM)", e);
        }
    }

    public static String certificatePem(X509Certificate certificate, String lineEnd) {
        try {
            return PemText.encode("CERTIFICATE", certificate.getEncoded(), lineEnd);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    /** An unencrypted PKCS#8 RSA key in PEM ({@code PRIVATE KEY}). */
    public static String privateKeyPem(PrivateKey key) {
        return PemText.encode("PRIVATE KEY", key.getEncoded(), "\n");
    }

    /** @throws IllegalArgumentException when the bytes hold no unencrypted PKCS#8 RSA key */
    public static PrivateKey privateKey(byte[] encoded) {
        Optional<byte[]> der = PemText.block(encoded, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der.orElse(encoded)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an unencrypted PKCS#8 RSA private key", e);
        }
    }
}
