package org.quorate.qnetd.server;

import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.time.Scheduler;

/** What every session of one server shares. All of it is used from the server's logic thread only. */
public record ServerContext(QnetdSettings settings, Scheduler scheduler, ClusterRegistry registry,
                            VoteDispatcher votes, QnetdEvents events) {

    /** A fresh server state: an empty registry and a dispatcher bound to it. */
    public static ServerContext create(QnetdSettings settings, Scheduler scheduler, QnetdEvents events) {
        ClusterRegistry registry = new ClusterRegistry();
        return new ServerContext(settings, scheduler, registry, new VoteDispatcher(registry, scheduler, events), events);
    }

    public ClientSession newSession(ClientConnection connection) {
        return new ClientSession(connection, this);
    }
}
