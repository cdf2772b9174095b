package org.quorate.qnetd.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.quorate.protocol.DecisionAlgorithm;

/**
 * One cluster as {@code corosync-qnetd-tool -l} shows it: its name and the clients that completed
 * INIT, kept in ascending node-id order whatever order they are given in.
 */
public record QnetdClusterStatus(String name, List<QnetdClientStatus> clients) {
    public QnetdClusterStatus {
        Objects.requireNonNull(name, "name");
        clients = clients.stream()
                .sorted(Comparator.comparingLong(QnetdClientStatus::nodeId))
                .toList();
    }

    /**
     * The "(KAP Tie-breaker)" marker: every client uses ffsplit with keep-active-partition enabled
     * (vacuously true for a cluster without clients, as in the C loop).
     */
    public boolean keepActivePartitionTieBreakerActive() {
        return clients.stream().allMatch(c -> c.algorithm() == DecisionAlgorithm.FFSPLIT
                && c.keepActivePartitionTieBreaker());
    }
}
