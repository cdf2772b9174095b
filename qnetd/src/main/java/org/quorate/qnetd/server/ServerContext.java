package org.quorate.qnetd.server;

import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.time.Scheduler;

/** What every session of one server shares. All of it is used from the server's logic thread only. */
public record ServerContext(QnetdSettings settings, Scheduler scheduler, ClusterRegistry registry,
                            VoteDispatcher votes, QnetdEvents events, HandshakeGate handshakes) {

    /** A fresh server state: an empty registry and a dispatcher bound to it. */
    public static ServerContext create(QnetdSettings settings, Scheduler scheduler, QnetdEvents events) {
        return create(settings, scheduler, events, HandshakeGate.DEFAULT_LIMIT, HandshakeGate.DEFAULT_LEASE_MILLIS);
    }

    /**
     * As {@link #create(QnetdSettings, Scheduler, QnetdEvents)}, with room for {@code handshakeLimit} TLS
     * handshakes, each holding its place for {@code handshakeLeaseMillis} at most.
     */
    public static ServerContext create(QnetdSettings settings, Scheduler scheduler, QnetdEvents events,
                                       int handshakeLimit, long handshakeLeaseMillis) {
        ClusterRegistry registry = new ClusterRegistry();
        return new ServerContext(settings, scheduler, registry, new VoteDispatcher(registry, scheduler, events), events,
                new HandshakeGate(handshakeLimit, handshakeLeaseMillis, scheduler));
    }

    public ClientSession newSession(ClientConnection connection) {
        return new ClientSession(connection, this);
    }
}
