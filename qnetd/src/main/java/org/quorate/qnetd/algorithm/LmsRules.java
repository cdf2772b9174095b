package org.quorate.qnetd.algorithm;

import org.quorate.cluster.RingId;
import org.quorate.protocol.Vote;

/** Rules shared by lms and 2nodelms. */
final class LmsRules {
    private LmsRules() {
    }

    /**
     * The newcomer rule: a client that never voted gets NACK while a client on another ring holds
     * ACK, so that quorum does not move away from nodes that are already running.
     */
    static boolean anotherRingHoldsVote(ClusterState cluster, RingId ring) {
        for (ClientState o : cluster.clients()) {
            if (!o.ringId().equals(ring) && o.lastResult() == Vote.ACK) {
                return true;
            }
        }
        return false;
    }
}
