package org.quorate.link.config;

/**
 * The AEAD that seals link packets when corosync.conf asks for a cipher. Both are in the JDK; AES-GCM is
 * the default because AES-NI makes it the faster on x86 servers, ChaCha20-Poly1305 is for CPUs without it.
 */
public enum LinkAead {
    AES_GCM("aes-gcm"),
    CHACHA20_POLY1305("chacha20-poly1305");

    private final String settingName;

    LinkAead(String settingName) {
        this.settingName = settingName;
    }

    /** The word of the {@code aead} setting. */
    public String settingName() {
        return settingName;
    }
}
