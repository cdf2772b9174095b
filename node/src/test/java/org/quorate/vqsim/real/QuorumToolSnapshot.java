package org.quorate.vqsim.real;

import java.util.List;
import java.util.Map;
import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.vqsim.NodeSnapshot;

/**
 * Turns {@code corosync-quorumtool -s} of one real node into the simulator's {@link NodeSnapshot}: the
 * printed flag words back into votequorum's info bits, and the local row's {@code A/V/MW} qdevice column
 * into the ALIVE, CAST_VOTE and MASTER_WINS bits (the tool prints them only there).
 */
final class QuorumToolSnapshot {
    /** The words of the tool's "Flags:" line and the info bit each one prints (corosync-quorumtool.c). */
    private static final Map<String, Integer> FLAG_WORDS = Map.of(
            "2Node", 1, "Quorate", 2, "WaitForAll", 4, "LastManStanding", 8,
            "AutoTieBreaker", 16, "AllowDownscale", 32, "Qdevice", 64);
    private static final Map<String, Integer> QDEVICE_CELLS = Map.of("A", 128, "V", 256, "MW", 512);

    private QuorumToolSnapshot() {
    }

    static NodeSnapshot of(long nodeId, int partition, QuorumStatus s) {
        if (!s.available()) {
            return new NodeSnapshot(nodeId, partition, true, false, "", List.of(), 0, 0, 0, 0, 0);
        }
        int flags = 0;
        for (String f : s.flags()) {
            Integer bit = FLAG_WORDS.get(f);
            if (bit == null) {
                throw new IllegalArgumentException("node " + nodeId + ": unknown flag '" + f + "' in " + s.flags());
            }
            flags |= bit;
        }
        for (QuorumMember m : s.members()) {
            if (m.local()) {
                for (String cell : m.qdeviceFlags().split(",")) {
                    flags |= QDEVICE_CELLS.getOrDefault(cell, 0); // NA, NV, NMW, NR: bit clear
                }
            }
        }
        List<Long> members = s.members().stream().map(m -> (long) m.nodeId()).sorted().toList();
        return new NodeSnapshot(nodeId, partition, true, s.quorate(), s.ringId(), members, s.expectedVotes(),
                s.highestExpected(), s.totalVotes(), s.quorum(), flags);
    }

    static NodeSnapshot down(long nodeId, int partition) {
        return new NodeSnapshot(nodeId, partition, false, false, "", List.of(), 0, 0, 0, 0, 0);
    }
}
