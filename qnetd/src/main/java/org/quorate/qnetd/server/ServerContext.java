package org.quorate.qnetd.server;

import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.time.Scheduler;

import static org.quorate.qnetd.config.QnetdSettingKeys.TLS_HANDSHAKE_LEASE;
import static org.quorate.qnetd.config.QnetdSettingKeys.TLS_HANDSHAKE_LIMIT;

/** What every session of one server shares. All of it is used from the server's logic thread only. */
public record ServerContext(QnetdSettings settings, Scheduler scheduler, ClusterRegistry registry,
                            VoteDispatcher votes, QnetdEvents events, HandshakeGate handshakes) {

    /**
     * A fresh server state: an empty registry, a dispatcher bound to it and a TLS handshake gate sized by the
     * settings ({@code tls_handshake_limit}, {@code tls_handshake_lease}).
     */
    public static ServerContext create(QnetdSettings settings, Scheduler scheduler, QnetdEvents events) {
        ClusterRegistry registry = new ClusterRegistry();
        return new ServerContext(settings, scheduler, registry, new VoteDispatcher(registry, scheduler, events), events,
                new HandshakeGate(settings.get(TLS_HANDSHAKE_LIMIT), settings.get(TLS_HANDSHAKE_LEASE).toMillis(),
                        scheduler));
    }

    public ClientSession newSession(ClientConnection connection) {
        return new ClientSession(connection, this);
    }
}
