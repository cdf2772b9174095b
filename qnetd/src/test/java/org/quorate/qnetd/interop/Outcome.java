package org.quorate.qnetd.interop;

import java.time.Duration;
import java.util.SortedSet;

/**
 * What one scenario ended in. {@link #verdict()} is the part the differential test compares; the settle time
 * and transcript are only printed (they depend on timers and scheduling, not on the server's decisions).
 *
 * @param partitions     the distinct membership lists the live nodes reported at the end, e.g. "[1] [2, 3]"
 * @param quorate        nodes quorate at the end
 * @param withQdevice    nodes whose quorumtool counted the qdevice vote at the end
 * @param neverLost      nodes that showed "Quorate: Yes" in every sample from the fault to the end
 * @param voteWithdrawn  nodes that at some point of the scenario did not count the qdevice vote
 */
record Outcome(Scenario scenario, String partitions, SortedSet<Integer> quorate, SortedSet<Integer> withQdevice,
               SortedSet<Integer> neverLost, SortedSet<Integer> voteWithdrawn, Duration settle, String transcript) {

    String verdict() {
        return "partitions=" + partitions + " quorate=" + quorate + " qdevice-vote=" + withQdevice
                + " never-lost=" + neverLost + (scenario.comparesWithdrawals() ? " vote-withdrawn=" + voteWithdrawn : "");
    }
}
