package org.quorate.qnetd.admin;

import java.util.List;
import java.util.Objects;

/**
 * An immutable picture of a running qnetd, taken on the server's event loop and formatted on the
 * IPC thread. Clusters are kept in creation order (the order the tool lists them).
 */
public record QnetdStatusSnapshot(QnetdServerStatus server, List<QnetdClusterStatus> clusters) {
    public QnetdStatusSnapshot {
        Objects.requireNonNull(server, "server");
        clusters = List.copyOf(clusters);
    }

    public int connectedClusters() {
        return clusters.size();
    }
}
