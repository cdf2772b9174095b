package org.quorate.link.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How datagrams are protected: a {@link CipherSuite} and the authkey its keys derive from.
 *
 * <p>Mapping from corosync.conf ({@link #fromCorosync}), resolved as corosync 3.1.7 does (exec/totemconfig.c,
 * totem_get_crypto): start from none/none; {@code secauth: on} means aes256 + sha256; an explicit
 * {@code crypto_cipher} or {@code crypto_hash} overrides that. Then:
 * <table>
 * <caption>corosync.conf to Quorate</caption>
 * <tr><th>crypto_cipher</th><th>crypto_hash</th><th>Quorate</th></tr>
 * <tr><td>aes256 / aes192 / aes128</td><td>any but none</td><td>AES-GCM with a 256/192/128-bit derived key (the
 * GCM tag replaces the HMAC; the hash only has to be present, as corosync demands)</td></tr>
 * <tr><td>aes*</td><td>none</td><td>error: "crypto_cipher requires crypto_hash with value other than none"</td></tr>
 * <tr><td>none</td><td>md5 / sha1 / sha256 / sha384 / sha512</td><td>authentication only, HMAC-SHA-256 (never
 * md5 or sha1)</td></tr>
 * <tr><td>none</td><td>none</td><td>no protection; only when the configuration says so: one of secauth,
 * crypto_cipher, crypto_hash must be given. corosync 3.1.7 runs in clear text when all three are absent;
 * Quorate refuses that.</td></tr>
 * </table>
 * ChaCha20-Poly1305 is Quorate's own choice ({@link #chacha20Poly1305}); the engine's setting picks it.
 */
public final class CryptoConfig {
    public static final List<String> COROSYNC_CIPHERS = List.of("none", "aes256", "aes192", "aes128");
    public static final List<String> COROSYNC_HASHES = List.of("none", "md5", "sha1", "sha256", "sha384", "sha512");

    private final CipherSuite suite;
    private final AuthKey key;
    private final String origin;

    /** Where the key comes from; read only when crypto is on, as corosync reads the keyfile only then. */
    @FunctionalInterface
    public interface KeySource {
        AuthKey load() throws IOException;

        /** corosync's {@code totem.keyfile} (default /etc/corosync/authkey). */
        static KeySource file(Path file) {
            return () -> AuthKey.read(file);
        }
    }

    private CryptoConfig(CipherSuite suite, AuthKey key, String origin) {
        this.suite = suite;
        this.key = key;
        this.origin = origin;
    }

    /** No protection at all: only when the configuration says so on both ends. */
    public static CryptoConfig none() {
        return new CryptoConfig(CipherSuite.NONE, null, "none");
    }

    /** AES-256-GCM with keys derived from {@code key}. */
    public static CryptoConfig aead(AuthKey key) {
        return of(CipherSuite.AES_256_GCM, key);
    }

    /** ChaCha20-Poly1305 with keys derived from {@code key}: Quorate's choice, not a corosync.conf value. */
    public static CryptoConfig chacha20Poly1305(AuthKey key) {
        return of(CipherSuite.CHACHA20_POLY1305, key);
    }

    public static CryptoConfig of(CipherSuite suite, AuthKey key) {
        if (!suite.enabled()) {
            return none();
        }
        if (key == null) {
            throw new IllegalArgumentException("cipher suite " + suite + " needs an authkey");
        }
        return new CryptoConfig(suite, key.copy(), suite.name());
    }

    /**
     * Maps totem.secauth / crypto_cipher / crypto_hash (each null when absent) as described in the class
     * comment; {@code keys} is asked for the authkey only when crypto is on.
     *
     * @throws IllegalArgumentException naming the key, with corosync's words where corosync has them
     * @throws UncheckedIOException     when the key cannot be read (corosync's keyfile messages)
     */
    public static CryptoConfig fromCorosync(String secauth, String cipher, String hash, KeySource keys) {
        if (cipher != null && !COROSYNC_CIPHERS.contains(cipher)) {
            throw new IllegalArgumentException("totem.crypto_cipher: \"" + cipher
                    + "\": Invalid cipher type. Should be none, aes256, aes192 or aes128");
        }
        if (hash != null && !COROSYNC_HASHES.contains(hash)) {
            throw new IllegalArgumentException("totem.crypto_hash: \"" + hash
                    + "\": Invalid hash type. Should be none, md5, sha1, sha256, sha384 or sha512");
        }
        boolean on = "on".equals(secauth);
        String c = cipher != null ? cipher : on ? "aes256" : "none";
        String h = hash != null ? hash : on ? "sha256" : "none";
        if (!c.equals("none") && h.equals("none")) {
            throw new IllegalArgumentException("totem.crypto_hash: crypto_cipher requires crypto_hash with value "
                    + "other than none");
        }
        String origin = "crypto_cipher " + c + ", crypto_hash " + h;
        if (c.equals("none") && h.equals("none")) {
            if (secauth == null && cipher == null && hash == null) {
                throw new IllegalArgumentException("totem: no crypto configured (secauth, crypto_cipher and "
                        + "crypto_hash are all absent); corosync 3.1.7 would run in clear text, Quorate refuses "
                        + "to: set secauth: on, or say crypto_cipher: none and crypto_hash: none");
            }
            return new CryptoConfig(CipherSuite.NONE, null, origin);
        }
        CipherSuite suite = switch (c) {
            case "aes256" -> CipherSuite.AES_256_GCM;
            case "aes192" -> CipherSuite.AES_192_GCM;
            case "aes128" -> CipherSuite.AES_128_GCM;
            default -> CipherSuite.HMAC_SHA256;
        };
        AuthKey key;
        try {
            key = keys.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return new CryptoConfig(suite, key, origin);
    }

    public boolean enabled() {
        return suite.enabled();
    }

    public CipherSuite suite() {
        return suite;
    }

    /** The initial key (for slot 0); null when crypto is off. */
    public AuthKey key() {
        return key;
    }

    /** What the configuration said, e.g. "crypto_cipher aes256, crypto_hash sha256". */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "CryptoConfig[" + suite + " from " + origin + (key != null ? ", " + key : "") + "]";
    }
}
