package org.quorate.qdevice.backend;

/**
 * Something the configuration check adjusted rather than refused, in the C daemon's words and at its log
 * level (a heartbeat out of bounds is a warning; too many heuristics commands is an error, yet not fatal).
 */
public record ConfigNotice(Level level, String message) {
    /** The C daemon's syslog priority for the line. */
    public enum Level { WARNING, ERROR }

    static ConfigNotice warning(String message) {
        return new ConfigNotice(Level.WARNING, message);
    }

    static ConfigNotice error(String message) {
        return new ConfigNotice(Level.ERROR, message);
    }
}
