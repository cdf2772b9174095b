package org.quorate.qnetd.interop;

import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.QdeviceAlgorithm;
import org.quorate.testsupport.lab.TlsMode;

import java.util.List;

/**
 * One cluster shape of the differential test and where its faults hit.
 *
 * @param killed  the node whose corosync and qdevice are SIGKILLed (a node crash)
 * @param sideA   with {@code sideB}: the two halves the inter-node cut separates (both still reach qnetd)
 * @param deaf    the node that, in the asymmetric partition, receives nothing from its peers while they still
 *                receive everything from it (and it still reaches qnetd both ways)
 */
record Topology(String name, int nodes, QdeviceAlgorithm algorithm, int killed, List<Integer> sideA,
                List<Integer> sideB, int deaf) {

    /** 2 nodes, ffsplit, tie-breaker lowest: the crash hits the tie-breaker node. */
    static Topology twoNodeFfsplit() {
        return new Topology("2n-ffsplit", 2, QdeviceAlgorithm.FFSPLIT, 1, List.of(1), List.of(2), 1);
    }

    /** 3 nodes, lms: the cut isolates the tie-breaker node 1, so the bigger side must win against it. */
    static Topology threeNodeLms() {
        return new Topology("3n-lms", 3, QdeviceAlgorithm.LMS, 1, List.of(1), List.of(2, 3), 3);
    }

    /** 4 nodes, ffsplit: a 50:50 cut that the tie-breaker decides. */
    static Topology fourNodeFfsplit() {
        return new Topology("4n-ffsplit", 4, QdeviceAlgorithm.FFSPLIT, 1, List.of(1, 2), List.of(3, 4), 4);
    }

    /**
     * TLS off: the qnetd-side certificate tool for Quorate's PKCS#12 store is not on this branch yet. A 1 s
     * token (default 3 s) so corosync notices faults in about 2-5 s and the suite stays short; the qdevice
     * timers keep their defaults, they are what the two servers must agree on.
     */
    ClusterSpec spec() {
        return ClusterSpec.builder(1, nodes).algorithm(algorithm).tls(TlsMode.ON).totem("token: 1000").build();
    }
}
