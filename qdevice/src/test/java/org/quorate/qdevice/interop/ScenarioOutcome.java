package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * What one scenario did to one cluster, in terms that must not depend on which qdevice ran: which nodes end
 * quorate, which end with the qdevice vote counted, which lost quorum at any sample during the scenario, each
 * node's end state without its ring id, and a note (e.g. how the qdevice of a killed node ended).
 */
record ScenarioOutcome(String scenario, SortedSet<Integer> quorate, SortedSet<Integer> voting,
                       SortedSet<Integer> lostQuorum, SortedMap<Integer, String> endStates, String note) {

    /** The end state of a node without anything run-specific (ring id): quorate, members and their flags, votes. */
    static String endState(QuorumStatus s) {
        if (!s.available()) {
            return "down";
        }
        String members = s.members().stream().map(m -> m.nodeId() + ":" + (m.qdeviceFlags().isEmpty() ? "-"
                : m.qdeviceFlags())).collect(Collectors.joining(" "));
        return (s.quorate() ? "quorate" : "INQUORATE") + " tv=" + s.totalVotes() + "/" + s.expectedVotes()
                + " qd=" + (s.qdeviceVotes() == null ? "none" : s.qdeviceVotes()) + " [" + members + "]"
                + (s.qdeviceRegistered() ? "" : " no-Qdevice-flag");
    }

    /** One line for the comparison table. */
    String summary() {
        return "quorate=" + quorate + " vote=" + voting + " lostQuorum=" + lostQuorum
                + (note.isEmpty() ? "" : " " + note);
    }

    static boolean allVoting(QuorumStatus s) {
        return s.members().stream().allMatch(QuorumMember::qdeviceVoting);
    }
}
