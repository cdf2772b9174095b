package org.quorate.certs.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, leaf first (leaf, then the issuing CA). This is what a TLS
 * peer presents: the qnetd server certificate or a node's cluster certificate.
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least its own certificate");
        }
    }

    /** The certificate that belongs to {@link #privateKey()}. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
