package org.quorate.vqsim.real;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few facts of a scenario's corosync.conf that the real harness needs before corosync reads the file:
 * the nodelist's node ids, the cluster name (the qdevice certificates are made for it) and whether a
 * quorum device is configured. Line-based on purpose: the scenarios are plain corosync-style files, and
 * the harness must not depend on the parser under test.
 */
record ConfFacts(List<Long> nodeIds, String clusterName, boolean device) {
    private static final Pattern NODEID = Pattern.compile("^\\s*nodeid\\s*:\\s*(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("^\\s*cluster_name\\s*:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern MODEL = Pattern.compile("^\\s*model\\s*:\\s*\\S+", Pattern.MULTILINE);

    static ConfFacts of(String source, String conf) {
        TreeSet<Long> ids = new TreeSet<>();
        Matcher m = NODEID.matcher(conf);
        while (m.find()) {
            if (!ids.add(Long.parseLong(m.group(1)))) {
                throw new IllegalArgumentException(source + ": duplicate nodeid " + m.group(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(source + ": no nodelist.node.nodeid (the harness needs a nodelist)");
        }
        Matcher n = NAME.matcher(conf);
        if (!n.find()) {
            throw new IllegalArgumentException(source + ": no totem.cluster_name");
        }
        return new ConfFacts(List.copyOf(ids), n.group(1), MODEL.matcher(conf).find());
    }
}
