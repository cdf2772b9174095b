package org.quorate.qdevice.backend;

/** A configuration value is missing or invalid; names the cmap key (= corosync.conf path). */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The offending key, e.g. {@code quorum.device.net.port}. */
    public String key() {
        return key;
    }
}
