package org.quorate.link.crypto;

/** How datagrams are protected, mapped from totem.crypto_cipher/crypto_hash/secauth (owner: fields and mapping). */
public final class CryptoConfig {
    private CryptoConfig() {
        throw new UnsupportedOperationException("issue #11: crypto config not written yet");
    }

    /** No protection at all: only when the configuration says so on both ends. */
    public static CryptoConfig none() {
        throw new UnsupportedOperationException();
    }

    /** AES-256-GCM with keys derived from {@code key}. */
    public static CryptoConfig aead(AuthKey key) {
        throw new UnsupportedOperationException();
    }

    public boolean enabled() {
        throw new UnsupportedOperationException();
    }
}
