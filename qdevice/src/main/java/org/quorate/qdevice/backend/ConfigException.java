package org.quorate.qdevice.backend;

/** A configuration value is missing or invalid; names the cmap key (= corosync.conf path). */
public class ConfigException extends RuntimeException {
    private final String key;
    private final boolean cText;

    public ConfigException(String key, String problem) {
        this(key, key + ": " + problem, false);
    }

    private ConfigException(String key, String message, boolean cText) {
        super(message);
        this.key = key;
        this.cText = cText;
    }

    /**
     * A problem the C daemon reports in words of its own (e.g. {@code heuristics.timeout must be valid number
     * in range <250,120000>}): the message is that text, logged as is, so both daemons say the same.
     */
    public static ConfigException cText(String key, String cMessage) {
        return new ConfigException(key, cMessage, true);
    }

    /** True when the message is the C daemon's text (see {@link #cText}). */
    public boolean isCText() {
        return cText;
    }

    /** The offending key, e.g. {@code quorum.device.net.port}. */
    public String key() {
        return key;
    }
}
