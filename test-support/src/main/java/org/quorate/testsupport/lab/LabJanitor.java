package org.quorate.testsupport.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes namespaces: only ones whose name carries a lab prefix, and for stale ones only if the JVM that
 * created them (its PID is part of the prefix) is gone. Processes are killed by the PIDs found inside those
 * namespaces, which only the lab can have started.
 */
final class LabJanitor {
    /** q + creator JVM pid (base 36) + x + counter (base 36) + '-'. */
    static final Pattern PREFIX = Pattern.compile("^(q([0-9a-z]+)x[0-9a-z]+-)");

    private LabJanitor() {
    }

    static List<String> namespaces() {
        ExecResult r = Commands.run("ip", "netns", "list");
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** Kills every process inside the namespaces starting with {@code prefix}, then deletes them. */
    static void removeNamespaces(String prefix) {
        List<String> ours = namespaces().stream().filter(n -> n.startsWith(prefix)).toList();
        for (String ns : ours) {
            ExecResult pids = Commands.run("localhost", List.of("ip", "netns", "pids", ns), Duration.ofSeconds(10));
            for (String pid : pids.stdout().split("\\s+")) {
                if (pid.matches("\\d+") && Long.parseLong(pid) != ProcessHandle.current().pid()) {
                    Commands.run("kill", "-KILL", pid);
                }
            }
        }
        for (String ns : ours) {
            Commands.run("ip", "netns", "del", ns);
        }
    }

    /** Deletes labs left behind by JVMs that died without running their shutdown hook (SIGKILL, timeout). */
    static void reapOrphans() {
        for (String ns : namespaces()) {
            Matcher m = PREFIX.matcher(ns);
            if (m.find()) {
                long creator = Long.parseLong(m.group(2), 36);
                if (ProcessHandle.of(creator).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                removeNamespaces(m.group(1));
            }
        }
    }
}
