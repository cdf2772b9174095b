package org.quorate.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes the sd-daemon priority prefix ({@code <3>} error .. {@code <7>} debug) that journald reads
 * from a service's stdout, so {@code journalctl -p warning} works without syslog.
 * With {@link #raiseDebug} set (the C daemons' {@code -dd}), debug lines are logged at info priority.
 */
public final class JournalPriorityConverter extends ClassicConverter {
    private static volatile boolean raiseDebug;

    public static void raiseDebug(boolean raise) {
        raiseDebug = raise;
    }

    @Override
    public String convert(ILoggingEvent event) {
        return prefix(event.getLevel());
    }

    static String prefix(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "<3>";
            case Level.WARN_INT -> "<4>";
            case Level.INFO_INT -> "<6>";
            default -> raiseDebug ? "<6>" : "<7>";
        };
    }
}
