package org.quorate.qnetd.server;

import org.quorate.protocol.ClusterName;
import org.quorate.qnetd.algorithm.ClientState;
import org.quorate.qnetd.algorithm.ClusterState;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every cluster the server knows, in creation order (the order {@code corosync-qnetd-tool -l} lists
 * them), every open connection, and which session owns which initialised client. Touched only from
 * the server's logic thread.
 */
public final class ClusterRegistry {
    private final Map<ClusterName, ClusterState> clusters = new LinkedHashMap<>();
    private final Map<ClientState, ClientSession> sessionsByClient = new IdentityHashMap<>();
    private final Set<ClientSession> connections = new LinkedHashSet<>();

    ClusterState clusterFor(ClusterName name) {
        return clusters.computeIfAbsent(name, n -> new ClusterState(n.asString()));
    }

    ClusterState find(ClusterName name) {
        return clusters.get(name);
    }

    void bind(ClientState client, ClientSession session) {
        sessionsByClient.put(client, session);
    }

    void unbind(ClientState client, ClusterName name) {
        sessionsByClient.remove(client);
        ClusterState cluster = clusters.get(name);
        if (cluster != null && cluster.isEmpty()) {
            clusters.remove(name);
        }
    }

    ClientSession sessionOf(ClientState client) {
        return sessionsByClient.get(client);
    }

    void opened(ClientSession session) {
        connections.add(session);
    }

    void closed(ClientSession session) {
        connections.remove(session);
    }

    /** Open TCP connections, initialised or not. */
    public int connectionCount() {
        return connections.size();
    }

    public Collection<ClusterState> clusters() {
        return Collections.unmodifiableCollection(clusters.values());
    }

    public Collection<ClientSession> connections() {
        return Collections.unmodifiableCollection(connections);
    }
}
