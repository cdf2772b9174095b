package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.QdeviceAlgorithm;

import java.util.List;

/**
 * The cluster shapes of the differential test and where each scenario strikes. Side A of a split always holds
 * node 1, the node the {@code tie_breaker: lowest} favours; the heuristics scenario makes side A FAIL.
 *
 * @param sideA          nodes on the tie-breaker's side of the split
 * @param sideB          the other side
 * @param qnetdOutage    how qnetd becomes unreachable in this topology
 */
enum Topology {
    TWO_NODE_FFSPLIT(2, QdeviceAlgorithm.FFSPLIT, List.of(1), List.of(2), QnetdOutage.NETWORK_DOWN),
    THREE_NODE_LMS(3, QdeviceAlgorithm.LMS, List.of(1, 2), List.of(3), QnetdOutage.KILL),
    FOUR_NODE_FFSPLIT(4, QdeviceAlgorithm.FFSPLIT, List.of(1, 2), List.of(3, 4), QnetdOutage.KILL);

    /** The file whose presence makes the heuristics exec fail on a node (/etc/corosync is per host). */
    static final String HEURISTICS_FAIL_FILE = "heuristics-fail";

    /** networkDown exercises the heartbeat (no FIN/RST); kill exercises the refused reconnect; both are run. */
    enum QnetdOutage { NETWORK_DOWN, KILL }

    final int nodes;
    final QdeviceAlgorithm algorithm;
    final List<Integer> sideA;
    final List<Integer> sideB;
    final QnetdOutage qnetdOutage;

    Topology(int nodes, QdeviceAlgorithm algorithm, List<Integer> sideA, List<Integer> sideB, QnetdOutage qnetdOutage) {
        this.nodes = nodes;
        this.algorithm = algorithm;
        this.sideA = sideA;
        this.sideB = sideB;
        this.qnetdOutage = qnetdOutage;
    }

    /** The node whose corosync the kill scenario SIGKILLs: the highest, so the tie-breaker side survives. */
    int killedNode() {
        return nodes;
    }

    /** The qdevice's votes: 1 for ffsplit, corosync's default N-1 for lms. */
    int qdeviceVotes() {
        return algorithm == QdeviceAlgorithm.LMS ? nodes - 1 : 1;
    }

    /**
     * Cluster {@code id} of this shape. Heuristics run at connect and on every membership change (mode sync):
     * one exec that fails while the node has {@link #HEURISTICS_FAIL_FILE}, so the test flips a node's
     * result by creating a file, before the split that makes the membership change.
     */
    ClusterSpec spec(int id) {
        return ClusterSpec.builder(id, nodes).algorithm(algorithm)
                .heuristicsMode("sync")
                .heuristicsExec("check", "/usr/bin/test ! -e /etc/corosync/" + HEURISTICS_FAIL_FILE)
                .build();
    }

    String label() {
        return nodes + "n-" + algorithm.word();
    }

    List<Integer> sideOf(int node) {
        return sideA.contains(node) ? sideA : sideB;
    }
}
