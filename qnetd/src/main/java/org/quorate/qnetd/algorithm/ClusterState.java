package org.quorate.qnetd.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;

/**
 * One cluster as qnetd sees it: its name, its initialised clients in ascending node-id order (ties
 * keep insertion order, spec §5) and the cluster-wide ffsplit state. The caller creates it for the
 * first client and drops it when {@link #isEmpty()} after a disconnect.
 */
public final class ClusterState {
    private final String name;
    private final List<ClientState> clients = new ArrayList<>();
    private final List<ClientState> clientsView = Collections.unmodifiableList(clients);

    private FfsplitClusterPhase ffsplitPhase = FfsplitClusterPhase.WAITING_FOR_CHANGE;
    private List<NodeInfo> quoratePartition = List.of();

    public ClusterState(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** The clients, ascending by node id; every algorithm iterates in this order. */
    public List<ClientState> clients() {
        return clientsView;
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    /** The first client with this node id, as the C lookup does. */
    public Optional<ClientState> find(long nodeId) {
        for (ClientState client : clients) {
            if (client.nodeId() == nodeId) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }

    /**
     * The INIT compatibility check against the clients already present (spec §4.4): per client in
     * node-id order, a different tie-breaker gives 15, a different algorithm 16, the same node id
     * 17; the first hit wins. NO_ERROR when the newcomer fits.
     */
    public ReplyErrorCode compatibilityError(long nodeId, DecisionAlgorithm algorithm, TieBreaker tieBreaker) {
        for (ClientState client : clients) {
            if (!client.tieBreaker().equals(tieBreaker)) {
                return ReplyErrorCode.TIE_BREAKER_DIFFERS_FROM_OTHER_NODES;
            }
            if (client.algorithm() != algorithm) {
                return ReplyErrorCode.ALGORITHM_DIFFERS_FROM_OTHER_NODES;
            }
            if (client.nodeId() == nodeId) {
                return ReplyErrorCode.DUPLICATE_NODE_ID;
            }
        }
        return ReplyErrorCode.NO_ERROR;
    }

    /**
     * True when the {@code list} output shows "(KAP Tie-breaker)": every client uses ffsplit with the
     * keep-active-partition flag (spec §12.3).
     */
    public boolean showsKeepActivePartitionTieBreaker() {
        if (clients.isEmpty()) {
            return false;
        }
        for (ClientState client : clients) {
            if (client.algorithm() != DecisionAlgorithm.FFSPLIT || !client.keepActivePartition()) {
                return false;
            }
        }
        return true;
    }

    /** The cluster-wide ffsplit state, for diagnostics and tests. */
    public FfsplitClusterPhase ffsplitPhase() {
        return ffsplitPhase;
    }

    /** The membership list chosen by the last ffsplit decision (empty if none). */
    public List<NodeInfo> quoratePartition() {
        return quoratePartition;
    }

    // ---- membership, changed by ClusterArbiter ----

    void add(ClientState client) {
        int at = clients.size();
        while (at > 0 && clients.get(at - 1).nodeId() > client.nodeId()) {
            at--;
        }
        clients.add(at, client);
    }

    void remove(ClientState client) {
        clients.removeIf(c -> c == client);
    }

    // ---- ffsplit private state ----

    void ffsplitPhase(FfsplitClusterPhase phase) {
        this.ffsplitPhase = phase;
    }

    void quoratePartition(List<NodeInfo> nodes) {
        this.quoratePartition = List.copyOf(nodes);
    }
}
