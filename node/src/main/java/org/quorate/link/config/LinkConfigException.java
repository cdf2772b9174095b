package org.quorate.link.config;

/**
 * A configuration the link layer cannot be built from; the message names the file (with line and key where
 * there is one), the authkey or the setting. Callers outside {@code link.config} see only this, never the
 * corosync.conf parser's own types.
 */
public final class LinkConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LinkConfigException(String message) {
        super(message);
    }

    public LinkConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
