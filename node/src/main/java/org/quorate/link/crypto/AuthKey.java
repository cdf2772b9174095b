package org.quorate.link.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The cluster's shared secret (corosync's authkey): 128..4096 bytes. Every holder keeps its own copy, so that
 * wiping one copy (a removed key slot) can never wipe a key that is still in use elsewhere (knet's
 * CVE-2026-15811 was exactly such a wipe of a live key).
 */
public final class AuthKey {
    public static final int MIN_BYTES = 128;
    public static final int MAX_BYTES = 4096;

    private final byte[] secret;
    private boolean wiped;

    private AuthKey(byte[] secret) {
        this.secret = secret;
    }

    /** Wraps (a copy of) {@code secret}; fails naming the length when out of range. */
    public static AuthKey of(byte[] secret) {
        if (secret.length < MIN_BYTES || secret.length > MAX_BYTES) {
            throw new IllegalArgumentException("authkey of " + secret.length + " bytes: it must have " + MIN_BYTES
                    + ".." + MAX_BYTES + " bytes");
        }
        return new AuthKey(secret.clone());
    }

    /**
     * Reads a key file with corosync 3.1.7's checks and messages (exec/totemconfig.c, read_keyfile): at most
     * {@link #MAX_BYTES} are read, as corosync's single read() does, so a longer file is used by its first 4096
     * bytes; fewer than {@link #MIN_BYTES} is an error. The messages name the file.
     */
    public static AuthKey read(Path file) throws IOException {
        byte[] buffer = new byte[MAX_BYTES];
        int total = 0;
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new IOException("Could not open " + file + ": " + strerror(e), e);
        }
        try (in) {
            int n;
            while (total < MAX_BYTES && (n = in.read(buffer, total, MAX_BYTES - total)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            Arrays.fill(buffer, (byte) 0);
            throw new IOException("Could not read " + file + ": " + strerror(e), e);
        }
        if (total < MIN_BYTES) {
            Arrays.fill(buffer, (byte) 0);
            throw new IOException("Could only read " + (total * 8) + " bits of minimum " + (MIN_BYTES * 8)
                    + " bits from " + file + ".");
        }
        byte[] secret = Arrays.copyOf(buffer, total);
        Arrays.fill(buffer, (byte) 0);
        return new AuthKey(secret);
    }

    /** The C library's words for the errors Java reports by exception type (corosync prints strerror). */
    static String strerror(IOException e) {
        return org.quorate.cli.Strerror.of(e);
    }

    public int length() {
        return secret.length;
    }

    /** An independent copy: the key ring holds its own, which it may wipe. */
    public AuthKey copy() {
        checkLive();
        return new AuthKey(secret.clone());
    }

    public boolean wiped() {
        return wiped;
    }

    /** The secret itself, for key derivation only; never exposed outside this package. */
    byte[] secret() {
        checkLive();
        return secret;
    }

    /** Overwrites the secret with zeros; the key is unusable afterwards. */
    void wipe() {
        Arrays.fill(secret, (byte) 0);
        wiped = true;
    }

    private void checkLive() {
        if (wiped) {
            throw new IllegalStateException("authkey was wiped (its key slot was removed)");
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AuthKey[" + secret.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
