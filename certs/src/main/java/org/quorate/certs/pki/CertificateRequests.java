package org.quorate.certs.pki;

import java.io.IOException;
import java.security.KeyPair;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 certificate requests (the {@code .crq} file), DER encoded like {@code certutil -R}. */
public final class CertificateRequests {
    private CertificateRequests() {
    }

    /** A request for {@code CN=<commonName>}, signed with the new key. */
    public static PKCS10CertificationRequest create(KeyPair keys, String commonName) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(Names.commonName(commonName), keys.getPublic())
                    .build(new JcaContentSignerBuilder(CertificateIssuer.SIGNATURE_ALGORITHM)
                            .build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign certificate request", e);
        }
    }

    /**
     * Parses a request (DER, or PEM as some tools write it) and checks its self-signature, as certutil -C
     * does before signing.
     *
     * @throws IllegalArgumentException with a reason when the bytes are not a valid request
     */
    public static PKCS10CertificationRequest parseAndVerify(byte[] encoded) {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(PemText.derOf(encoded, "CERTIFICATE REQUEST"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#10 certificate request", e);
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("the request's signature is not valid");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new IllegalArgumentException("the request's signature cannot be checked", e);
        }
        return request;
    }

}
