package org.quorate.qnetd.docker;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.quorate.certs.pki.CertificateIssuer;
import org.quorate.certs.pki.CertificateRequests;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.Pkcs12;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;

/**
 * The qnetd half of {@code corosync-qnetd-certutil -s}, done with Quorate's certs module: signs the C node
 * tool's request ({@code qdevice-net-node.crq}, DER PKCS#10) with the CA our qnetd created on its first start
 * ({@code qnetd-ca.p12}). The result is the DER {@code cluster-<name>.crt} the node tool imports with {@code -M}.
 */
final class ClusterCertificateSigner {
    private ClusterCertificateSigner() {
    }

    static byte[] sign(byte[] caP12, byte[] request, Instant now) {
        KeyMaterial ca = Pkcs12.readKey(caP12);
        PKCS10CertificationRequest csr = CertificateRequests.parseAndVerify(request);
        // A random positive serial: the CA's serial file stays in the container, and only uniqueness matters.
        BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.valueOf(1000));
        try {
            return CertificateIssuer.issue(ca, csr.getSubject(), csr.getSubjectPublicKeyInfo(), serial, now)
                    .getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the cluster certificate", e);
        }
    }
}
