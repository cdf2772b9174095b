package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.ExecResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code corosync-qdevice-tool -s -v} of the C daemon and of Quorate's, for the same state, compared line by
 * line after dropping what legitimately differs between two clusters and two runs.
 *
 * @param mismatches lines that must be equal but are not ("key: C value | Quorate value")
 */
record QdeviceToolDiff(String reference, String quorate, List<String> mismatches, List<String> ignored) {

    /**
     * Keys whose values belong to the run, not to the daemon's behaviour: ring ids and membership sequence,
     * connection times, local/remote ports, the cluster's own name (lab1 vs lab2) and node addresses (the
     * clusters live in different /24s).
     */
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i).*(ring id|since|time|socket|port|cluster name|address|ring seq).*");

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
            if (VOLATILE.matcher(key).matches()) {
                ignored.add(key);
            } else if (!cv.equals(qv)) {
                mismatches.add(key + ": " + cv + " | " + qv);
            }
        }
        return new QdeviceToolDiff(reference.stdout() + reference.stderr(), quorate.stdout() + quorate.stderr(),
                mismatches, ignored);
    }

    /**
     * "Key:\tvalue" lines keyed by their section and key (a key like "Node ID" repeats); lines without a colon
     * are section titles or list entries and keyed by themselves.
     */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = "";
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0 || (!raw.startsWith(" ") && !raw.startsWith("\t") && colon == line.length() - 1
                    && !line.contains("\t"))) {
                section = line;
                out.put(section, "");
                continue;
            }
            String key = section + " / " + line.substring(0, colon).strip();
            int k = seen.merge(key, 1, Integer::sum);
            out.put(k == 1 ? key : key + " #" + k, line.substring(colon + 1).strip().replaceAll("lab[12]", "<cluster>"));
        }
        return out;
    }
}
