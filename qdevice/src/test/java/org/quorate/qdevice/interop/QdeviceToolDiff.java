package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.ExecResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code corosync-qdevice-tool -s -v} of the C daemon and of Quorate's, for the same state, compared line by
 * line after dropping what legitimately differs between two clusters and two runs.
 *
 * @param mismatches lines that must be equal but are not ("key: C value | Quorate value")
 */
record QdeviceToolDiff(String reference, String quorate, List<String> mismatches, List<String> ignored) {

    /**
     * Keys whose values belong to the run, not to the daemon's behaviour: the ring id, the cluster's own name
     * (lab1 vs lab2), when the connection came up, and whether an echo reply already came back (the two daemons
     * connected a few seconds apart, and echoes go every 8 s).
     */
    private static final Set<String> VOLATILE = Set.of("Ring ID", "Cluster name", "Connected since",
            "Echo reply received");
    private static final Set<String> RETRYING = Set.of("Connecting", "Connect failed");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

    static QdeviceToolDiff compare(ExecResult reference, ExecResult quorate) {
        Map<String, String> c = parse(reference.stdout() + reference.stderr());
        Map<String, String> q = parse(quorate.stdout() + quorate.stderr());
        List<String> mismatches = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (reference.exitCode() != quorate.exitCode()) {
            mismatches.add("exit code: " + reference.exitCode() + " | " + quorate.exitCode());
        }
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(c.keySet());
        keys.addAll(q.keySet());
        for (String key : keys) {
            String cv = c.getOrDefault(key, "<missing>");
            String qv = q.getOrDefault(key, "<missing>");
            if (VOLATILE.contains(key.substring(key.lastIndexOf(" / ") + 3).replaceAll(" #\\d+$", ""))) {
                ignored.add(key);
            } else if (!cv.equals(qv)) {
                mismatches.add(key + ": " + cv + " | " + qv);
            }
        }
        return new QdeviceToolDiff(reference.stdout() + reference.stderr(), quorate.stdout() + quorate.stderr(),
                mismatches, ignored);
    }

    /**
     * "Key:\tvalue" lines keyed by section title (the line above a line of dashes) and key, numbered when a key
     * repeats in a section; list entries ("0\tNode ID = 1") are keyed by their text. Timestamps become
     * {@code <time>} (what follows them, e.g. "(cast vote)", is kept).
     */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        String section = "";
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.matches("-+")) {
                continue;
            }
            if (i + 1 < lines.length && lines[i + 1].strip().matches("-{3,}")) {
                section = line;
                continue;
            }
            int colon = line.indexOf(':');
            boolean entry = colon < 0 || line.matches("\\d+\\s.*");
            String key = section + " / " + (entry ? line : line.substring(0, colon).strip());
            String value = entry ? "" : TIMESTAMP.matcher(line.substring(colon + 1).strip()).replaceAll("<time>")
                    .replaceAll("lab[12]", "<cluster>");
            if (key.endsWith(" / State") && RETRYING.contains(value)) {
                // while qnetd is away both daemons alternate between the two, at moments set by the random
                // reconnect back-off (0-4.5 s) and the 8 s connect timeout: which one a snapshot catches is luck
                value = "Connecting or Connect failed";
            }
            int k = seen.merge(key, 1, Integer::sum);
            out.put(k == 1 ? key : key + " #" + k, value);
        }
        return out;
    }
}
