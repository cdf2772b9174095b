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

    private static final boolean UNDER_JOURNAL = System.getenv("JOURNAL_STREAM") != null;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ROOT);

    @Override
    public String convert(ILoggingEvent event) {
        if (UNDER_JOURNAL) {
            return prefix(event.getLevel());
        }
        // On a terminal: the C daemons' "Nov 28 00:03:16 info    " layout.
        String time = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(event.getTimeStamp()),
                java.time.ZoneId.systemDefault()).format(TIME);
        return time + " " + String.format("%-8s", levelWord(event.getLevel()));
    }

    static String levelWord(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "error";
            case Level.WARN_INT -> "warning";
            case Level.INFO_INT -> "info";
            default -> "debug";
        };
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
