package org.quorate.qdevice.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a set of differential runs found: one row per scenario with both outcomes, the vote latencies
 * after membership changes, the reconnect times and the qdevice-tool comparisons; printed as tables.
 * Thread-confined to the test (runs are sequential).
 */
final class DifferentialReport {
    record Row(String topology, String qnetd, String scenario, ScenarioOutcome reference, ScenarioOutcome quorate) {
        boolean match() {
            return reference.quorate().equals(quorate.quorate()) && reference.voting().equals(quorate.voting())
                    && reference.lostQuorum().equals(quorate.lostQuorum())
                    && reference.endStates().equals(quorate.endStates()) && reference.note().equals(quorate.note());
        }
    }

    /** {@code value}: ring formed (corosync.log) to vote seen; {@code sampled}: ring seen to vote seen. */
    record Latency(String impl, String where, Optional<Duration> value, Optional<Duration> sampled) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final List<Latency> reconnects = new ArrayList<>();
    private final Map<String, QdeviceToolDiff> tools = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void note(String line) {
        notes.add(line);
    }

    void row(String topology, String qnetd, String scenario, ScenarioOutcome reference, ScenarioOutcome quorate) {
        rows.add(new Row(topology, qnetd, scenario, reference, quorate));
    }

    void latency(String impl, String where, Optional<Duration> value, Optional<Duration> sampled) {
        latencies.add(new Latency(impl, where, value, sampled));
    }

    void reconnect(String impl, String where, Duration value) {
        reconnects.add(new Latency(impl, where, Optional.of(value), Optional.empty()));
    }

    void toolComparison(String state, QdeviceToolDiff diff) {
        tools.put(state, diff);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<Latency> latencies() {
        return List.copyOf(latencies);
    }

    Map<String, QdeviceToolDiff> tools() {
        return Map.copyOf(tools);
    }

    /** Median and max of the measured latencies of one implementation, in ms; -1 when none was measured. */
    long[] medianMax(String impl) {
        List<Long> ms = latencies.stream().filter(l -> l.impl().equals(impl) && l.value().isPresent())
                .map(l -> l.value().get().toMillis()).sorted().toList();
        if (ms.isEmpty()) {
            return new long[] {-1, -1};
        }
        return new long[] {ms.get(ms.size() / 2), ms.get(ms.size() - 1)};
    }

    String render() {
        StringBuilder sb = new StringBuilder("\n===== differential: C corosync-qdevice vs Quorate's, same scenario, same lab\n");
        String fmt = "%-12s %-8s %-38s %-5s %s%n";
        sb.append(String.format(fmt, "topology", "qnetd", "scenario", "same", "C qdevice  ||  Quorate qdevice"));
        for (Row r : rows) {
            sb.append(String.format(fmt, r.topology(), r.qnetd(), r.scenario(), r.match() ? "yes" : "NO",
                    r.reference().summary()));
            sb.append(String.format(fmt, "", "", "", "", r.quorate().summary()));
        }
        sb.append("\n----- the vote after a membership change: ring formed (corosync.log) -> votequorum counts the qdevice"
                + " vote (first sample); [ring first sampled -> vote sampled]\n");
        for (Latency l : latencies) {
            sb.append(String.format("  %-16s %-60s %-14s [%s]%n", l.impl(), l.where(),
                    l.value().map(d -> d.toMillis() + " ms").orElse("not observed"),
                    l.sampled().map(d -> d.toMillis() + " ms").orElse("-")));
        }
        for (String impl : List.of(DifferentialRun.REFERENCE, DifferentialRun.QUORATE)) {
            long[] mm = medianMax(impl);
            sb.append(String.format("  %-16s median %d ms, max %d ms over %d heals (sync_timeout 30000 ms)%n", impl,
                    mm[0], mm[1], latencies.stream().filter(l -> l.impl().equals(impl)).count()));
        }
        notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        sb.append("\n----- qnetd back -> every node counts the qdevice vote again (includes reconnect back-off)\n");
        for (Latency l : reconnects) {
            sb.append(String.format("  %-16s %-30s %d ms%n", l.impl(), l.where(), l.value().orElseThrow().toMillis()));
        }
        sb.append("\n----- corosync-qdevice-tool -s -v, node 1\n");
        tools.forEach((state, d) -> {
            sb.append("  state: ").append(state).append(d.mismatches().isEmpty() ? " (equal" : " (DIFFERENT")
                    .append(", ignored: ").append(d.ignored()).append(")\n")
                    .append("  --- C qdevice:\n").append(d.reference().indent(4))
                    .append("  --- Quorate qdevice:\n").append(d.quorate().indent(4));
            d.mismatches().forEach(m -> sb.append("  !! ").append(m).append('\n'));
        });
        return sb.toString();
    }
}
