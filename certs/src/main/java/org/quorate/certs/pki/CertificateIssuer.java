package org.quorate.certs.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates certificates with the same shape as the NSS {@code certutil} calls in the C scripts: X.509 v3,
 * SHA-256 with RSA, valid for {@link #VALIDITY_MONTHS} months from now. Only the CA certificate carries an
 * extension (critical basicConstraints CA, path length 0); server and cluster certificates carry none.
 *
 * <p>Pure: the caller supplies time, serial numbers and keys, so tests can pin every field.
 */
public final class CertificateIssuer {
    /** {@code CRT_VALIDITY=1200} in corosync-qnetd-certutil. */
    public static final int VALIDITY_MONTHS = 1200;
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private CertificateIssuer() {
    }

    /** The self-signed {@code CN=QNet CA}. */
    public static X509Certificate selfSignedCa(KeyPair caKeys, BigInteger serial, Instant now) {
        X500Name name = Names.commonName(Names.CA_COMMON_NAME);
        X509v3CertificateBuilder builder = builder(name, serial, now, name,
                SubjectPublicKeyInfo.getInstance(caKeys.getPublic().getEncoded()));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode basicConstraints", e);
        }
        return sign(builder, caKeys.getPrivate());
    }

    /**
     * A certificate for {@code subject} and {@code publicKey}, signed by the CA. Used for the qnetd server
     * certificate and, with the subject and key taken from a request, for cluster certificates.
     */
    public static X509Certificate issue(KeyMaterial ca, X500Name subject, SubjectPublicKeyInfo publicKey,
                                        BigInteger serial, Instant now) {
        X500Name issuer = subjectOf(ca.certificate());
        return sign(builder(issuer, serial, now, subject, publicKey), ca.privateKey());
    }

    /** The subject exactly as encoded in the certificate, so issuer names match byte for byte. */
    static X500Name subjectOf(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate).getSubject();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serial, Instant now,
                                                    X500Name subject, SubjectPublicKeyInfo publicKey) {
        Instant notAfter = now.atZone(ZoneOffset.UTC).plusMonths(VALIDITY_MONTHS).toInstant();
        return new X509v3CertificateBuilder(issuer, serial, Date.from(now), Date.from(notAfter), subject,
                publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign certificate with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
