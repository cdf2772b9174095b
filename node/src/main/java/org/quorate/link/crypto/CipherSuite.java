package org.quorate.link.crypto;

/**
 * How a datagram is protected. Every suite but {@link #NONE} authenticates the whole datagram, header included,
 * with a 16-byte tag; the AEAD suites also encrypt the body.
 *
 * <p>{@link #HMAC_SHA256} is what corosync's {@code crypto_cipher: none} with a hash maps to: integrity without
 * confidentiality. It is HMAC-SHA-256 truncated to 128 bits rather than AES-GMAC because HMAC has no nonce to
 * misuse: a repeated GMAC nonce leaks the authentication subkey, a repeated HMAC input leaks nothing.
 */
public enum CipherSuite {
    NONE(0, null, 0, 0, false),
    AES_128_GCM(1, "AES/GCM/NoPadding", 16, 16, true),
    AES_192_GCM(2, "AES/GCM/NoPadding", 24, 16, true),
    AES_256_GCM(3, "AES/GCM/NoPadding", 32, 16, true),
    CHACHA20_POLY1305(4, "ChaCha20-Poly1305", 32, 16, true),
    HMAC_SHA256(5, "HmacSHA256", 32, 16, false);

    private final int id;
    private final String transformation;
    private final int keyBytes;
    private final int tagBytes;
    private final boolean confidential;

    CipherSuite(int id, String transformation, int keyBytes, int tagBytes, boolean confidential) {
        this.id = id;
        this.transformation = transformation;
        this.keyBytes = keyBytes;
        this.tagBytes = tagBytes;
        this.confidential = confidential;
    }

    /** Goes into the key derivation's info, so one authkey never yields the same key for two suites. */
    public int id() {
        return id;
    }

    /** The JCE name (Cipher or Mac); null for NONE. */
    public String transformation() {
        return transformation;
    }

    /** The derived key's length. */
    public int keyBytes() {
        return keyBytes;
    }

    /** Bytes the seal adds to every datagram. */
    public int tagBytes() {
        return tagBytes;
    }

    /** Whether the body is encrypted (AEAD) and not only authenticated. */
    public boolean confidential() {
        return confidential;
    }

    public boolean enabled() {
        return this != NONE;
    }
}
