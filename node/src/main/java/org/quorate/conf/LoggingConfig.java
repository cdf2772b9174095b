package org.quorate.conf;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code logging} section (all strings, compared literally by corosync's logconfig.c), with the 3.1.7
 * defaults: stderr and syslog on, logfile off, debug off, timestamp hires, blackbox on; and the
 * per-subsystem overrides of {@code logger_subsys}.
 */
public record LoggingConfig(boolean toStderr, boolean toLogfile, boolean toSyslog, Optional<String> logfile,
                            String debug, String timestamp, String syslogFacility, boolean fileline,
                            boolean functionName, boolean blackbox,
                            SortedMap<String, SortedMap<String, String>> subsystems) {

    static LoggingConfig of(ConfDocument doc) {
        Map<String, String> c = doc.cmap();
        SortedMap<String, SortedMap<String, String>> subs = new TreeMap<>();
        c.forEach((k, v) -> {
            if (k.startsWith("logging.logger_subsys.")) {
                String rest = k.substring("logging.logger_subsys.".length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    subs.computeIfAbsent(rest.substring(0, dot), x -> new TreeMap<>()).put(rest.substring(dot + 1), v);
                }
            }
        });
        return new LoggingConfig(yes(c, "logging.to_stderr", true), yes(c, "logging.to_logfile", false),
            yes(c, "logging.to_syslog", true), Optional.ofNullable(c.get("logging.logfile")),
            c.getOrDefault("logging.debug", "off"), c.getOrDefault("logging.timestamp", "hires"),
            c.getOrDefault("logging.syslog_facility", "daemon"), on(c, "logging.fileline"),
            on(c, "logging.function_name"), !"off".equals(c.get("logging.blackbox")), subs);
    }

    private static boolean yes(Map<String, String> c, String key, boolean def) {
        String v = c.get(key);
        return v == null ? def : v.equals("yes") || v.equals("on");
    }

    private static boolean on(Map<String, String> c, String key) {
        String v = c.get(key);
        return "on".equals(v) || "yes".equals(v);
    }
}
