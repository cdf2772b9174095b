package org.quorate.bench.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.quorate.certs.pki.KeyPairs;

/** The key type of the simulated clusters' certificates. */
public enum ClientKeyType {
    /** RSA 2048, what corosync-qdevice-net-certutil creates. */
    RSA,
    /** EC P-256: cheaper TLS handshakes on the generator's side. */
    EC;

    KeyPair generate(SecureRandom random) {
        if (this == RSA) {
            return KeyPairs.rsa2048(random);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available in this JDK", e);
        }
    }
}
