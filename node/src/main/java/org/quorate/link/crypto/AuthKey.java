package org.quorate.link.crypto;

import java.nio.file.Path;

/** The cluster's shared secret (corosync's authkey): 128..4096 bytes. */
public final class AuthKey {
    public static final int MIN_BYTES = 128;
    public static final int MAX_BYTES = 4096;

    private AuthKey() {
        throw new UnsupportedOperationException("issue #11: authkey not written yet");
    }

    /** Wraps (a copy of) {@code secret}; fails naming the length when out of range. */
    public static AuthKey of(byte[] secret) {
        throw new UnsupportedOperationException();
    }

    /** Reads a key file with corosync's checks and messages, naming the file. */
    public static AuthKey read(Path file) throws java.io.IOException {
        throw new UnsupportedOperationException();
    }
}
