package org.quorate.qnetd.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * The closing table of the differential test: one row per topology and scenario with the C server's
 * verdict, and Quorate's too where it differs. Settle times are printed for both, never compared.
 */
final class ComparisonTable {
    private static final String ROW = "%-10s %-13s %-13s %-10s %-10s %-10s %-10s %6s %6s  %s%n";
    private final List<String> rows = new ArrayList<>();

    synchronized void add(RunReport c, RunReport quorate) {
        for (int i = 0; i < c.outcomes().size(); i++) {
            Outcome a = c.outcomes().get(i);
            Outcome b = i < quorate.outcomes().size() ? quorate.outcomes().get(i) : null;
            boolean same = b != null && a.verdict().equals(b.verdict());
            rows.add(row(c.topology().name(), a, seconds(a), b == null ? "-" : seconds(b), same ? "same" : "DIFFERENT"));
            if (!same && b != null) {
                rows.add(row("", b, "", "", "<- " + quorate.server()));
            }
        }
        rows.add(String.format("%-10s %-13s qnetd-tool -l -v: %s%n", c.topology().name(), "",
                c.listing().equals(quorate.listing()) ? "identical (ports, ring seq, last vote sent normalised)" : "DIFFERENT"));
    }

    private static String row(String topology, Outcome o, String cSettle, String qSettle, String verdict) {
        return String.format(ROW, topology, o.scenario(), o.partitions(), o.quorate(), o.withQdevice(),
                o.neverLost(), o.voteWithdrawn(), cSettle, qSettle, verdict);
    }

    private static String seconds(Outcome o) {
        return String.format("%.1f", o.settle().toMillis() / 1000.0);
    }

    synchronized String render() {
        StringBuilder sb = new StringBuilder("=== differential interop: C corosync-qnetd vs Quorate qnetd "
                + "(C qdevice + corosync on every node, TLS off)\n");
        sb.append(String.format(ROW, "topology", "scenario", "partitions", "quorate", "qd-vote", "never-lost",
                "withdrawn", "C s", "Q s", "outcome"));
        rows.forEach(sb::append);
        return sb.toString();
    }
}
