package org.quorate.certs.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** Key pairs of the kind the NSS tools create: RSA 2048. */
public final class KeyPairs {
    public static final int RSA_BITS = 2048;

    private KeyPairs() {
    }

    public static KeyPair rsa2048(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JDK", e);
        }
    }
}
