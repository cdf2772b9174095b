package org.quorate.qnetd.interop;

import org.quorate.testsupport.lab.Topology;

import java.util.List;
import java.util.Map;

/**
 * Everything one server produced for one topology.
 *
 * @param baseline node -> quorumtool flags and member qdevice flags once all were up, e.g. "Quorate Qdevice | A,V,NMW A,V,NMW"
 * @param listing  {@code corosync-qnetd-tool -l -v} at the baseline, client ports replaced by {@code <port>}
 */
record RunReport(String server, Topology topology, Map<Integer, String> baseline, String listing,
                 List<Outcome> outcomes) {

    List<String> verdicts() {
        return outcomes.stream().map(o -> o.scenario() + ": " + o.verdict()).toList();
    }

    String transcripts() {
        StringBuilder sb = new StringBuilder();
        outcomes.forEach(o -> sb.append(o.transcript()));
        return sb.toString();
    }
}
