package org.quorate.link.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One derived key, for one direction (source host to destination host) and one sender incarnation, with its
 * own reusable JCE instance. Seals datagrams in place and opens them into a caller's buffer.
 *
 * <p>The nonce is 4 zero bytes and the 64-bit packet counter. Because the key is unique to (direction, sender
 * incarnation) and the sender never repeats a counter within an incarnation and destination, a nonce is never
 * used twice with one key, without any coordination between hosts.
 *
 * <p>Not thread-safe: one codec, one thread.
 */
public final class SealingKey {
    static final int NONCE_BYTES = 12;

    private final CipherSuite suite;
    private final byte[] keyBytes;
    private final SecretKeySpec spec;
    private final Cipher cipher;
    private final Mac mac;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private final byte[] macOut;
    private long lastCounter = -1;
    private boolean wiped;

    SealingKey(CipherSuite suite, byte[] keyBytes) {
        if (!suite.enabled()) {
            throw new IllegalArgumentException("cipher suite NONE has no keys");
        }
        this.suite = suite;
        this.keyBytes = keyBytes;
        String algorithm = suite == CipherSuite.HMAC_SHA256 ? "HmacSHA256"
                : suite == CipherSuite.CHACHA20_POLY1305 ? "ChaCha20" : "AES";
        this.spec = new SecretKeySpec(keyBytes, algorithm);
        try {
            if (suite == CipherSuite.HMAC_SHA256) {
                this.mac = Mac.getInstance(suite.transformation());
                this.mac.init(spec);
                this.cipher = null;
                this.macOut = new byte[Hkdf.HASH_BYTES];
            } else {
                this.cipher = Cipher.getInstance(suite.transformation());
                this.mac = null;
                this.macOut = null;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do " + suite + " (" + suite.transformation() + ")", e);
        }
    }

    public CipherSuite suite() {
        return suite;
    }

    /**
     * Authenticates {@code buf[0, aadLen)} and encrypts {@code buf[aadLen, aadLen + plainLen)} in place, then
     * writes the tag right after; {@code buf} must have room for it. Returns the sealed length.
     */
    public int seal(long counter, byte[] buf, int aadLen, int plainLen) {
        checkLive();
        int tag = suite.tagBytes();
        try {
            if (mac != null) {
                mac.update(buf, 0, aadLen + plainLen);
                mac.doFinal(macOut, 0);
                System.arraycopy(macOut, 0, buf, aadLen + plainLen, tag);
                return aadLen + plainLen + tag;
            }
            initCipher(Cipher.ENCRYPT_MODE, counter);
            cipher.updateAAD(buf, 0, aadLen);
            int n = cipher.doFinal(buf, aadLen, plainLen, buf, aadLen);
            return aadLen + n;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing with " + suite + " failed", e);
        }
    }

    /**
     * Verifies {@code in[0, aadLen + sealedLen)} (the header as associated data, then the sealed body with its
     * tag) and writes the body's plain text to {@code out[0, sealedLen - tag)}. Returns false, writing nothing
     * meaningful, when the tag does not verify; never throws for bad input.
     */
    public boolean open(long counter, byte[] in, int aadLen, int sealedLen, byte[] out) {
        if (wiped) {
            return false;
        }
        int tag = suite.tagBytes();
        int bodyLen = sealedLen - tag;
        if (bodyLen < 0 || out.length < bodyLen) {
            return false;
        }
        try {
            if (mac != null) {
                mac.update(in, 0, aadLen + bodyLen);
                mac.doFinal(macOut, 0);
                if (!constantTimeEquals(macOut, in, aadLen + bodyLen, tag)) {
                    return false;
                }
                System.arraycopy(in, aadLen, out, 0, bodyLen);
                return true;
            }
            initCipher(Cipher.DECRYPT_MODE, counter);
            cipher.updateAAD(in, 0, aadLen);
            cipher.doFinal(in, aadLen, sealedLen, out, 0);
            return true;
        } catch (GeneralSecurityException | IllegalStateException e) {
            // AEADBadTagException: forged, corrupted or another key. The JCE reports it only by exception.
            return false;
        }
    }

    private void initCipher(int mode, long counter) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            nonce[NONCE_BYTES - 1 - i] = (byte) (counter >>> (8 * i));
        }
        if (suite == CipherSuite.CHACHA20_POLY1305) {
            if (counter == lastCounter) {
                // The JDK refuses to init ChaCha20 twice in a row with the same key and nonce, in any mode. A
                // forged packet carrying the counter of a real one would then make the real one fail: init once
                // with a nonce no packet uses (real nonces start with 4 zero bytes) to break the repetition.
                byte[] unused = nonce.clone();
                unused[0] = (byte) 0xFF;
                cipher.init(mode, spec, new IvParameterSpec(unused));
            }
            lastCounter = counter;
            cipher.init(mode, spec, new IvParameterSpec(nonce));
        } else {
            cipher.init(mode, spec, new GCMParameterSpec(suite.tagBytes() * 8, nonce));
        }
    }

    private static boolean constantTimeEquals(byte[] expected, byte[] in, int off, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= expected[i] ^ in[off + i];
        }
        return diff == 0;
    }

    /**
     * Zeroes this key's bytes. The JCE keeps its own copies inside SecretKeySpec and the cipher's key schedule,
     * which JDK 17 cannot destroy; they become garbage with this object.
     */
    void wipe() {
        Arrays.fill(keyBytes, (byte) 0);
        wiped = true;
    }

    boolean wiped() {
        return wiped;
    }

    private void checkLive() {
        if (wiped) {
            throw new IllegalStateException("sealing key was wiped (its key slot was removed)");
        }
    }

    @Override
    public String toString() {
        return "SealingKey[" + suite + (wiped ? ", wiped" : "") + "]";
    }
}
