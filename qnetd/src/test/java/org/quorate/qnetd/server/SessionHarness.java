package org.quorate.qnetd.server;

import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.Preinit;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.time.VirtualScheduler;

import java.util.Arrays;
import java.util.List;

/** Sessions of one in-memory server under a virtual clock. */
final class SessionHarness {
    final VirtualScheduler clock = new VirtualScheduler();
    final ServerContext context;

    SessionHarness(QnetdSettings settings) {
        context = ServerContext.create(settings, clock, QnetdEvents.NONE);
    }

    static SessionHarness plain() {
        return new SessionHarness(QnetdSettings.defaults().toBuilder()
                .tls(org.quorate.protocol.TlsSupported.UNSUPPORTED).build());
    }

    FakeConnection connect(String address) {
        FakeConnection c = new FakeConnection(address);
        c.session = context.newSession(c);
        c.session.opened();
        return c;
    }

    void deliver(FakeConnection c, org.quorate.protocol.message.QnetMessage m) {
        c.session.frameReceived();
        if (c.session.received(m) == NextBytes.TLS_HANDSHAKE) {
            c.tlsStarted = true;
        }
    }

    /** PREINIT + INIT for node {@code nodeId} of {@code cluster}; returns the connection, replies drained. */
    FakeConnection join(String cluster, long nodeId, DecisionAlgorithm algorithm, RingId ring) {
        FakeConnection c = connect("::ffff:198.18.1." + nodeId + ":5000" + nodeId);
        deliver(c, new Preinit(1L, ClusterName.of(cluster)));
        deliver(c, Messages.init(2, nodeId, algorithm, 8000, TieBreaker.LOWEST, ring));
        c.drain();
        return c;
    }

    static NodeList config(long seq, long... ids) {
        return Messages.nodeList(seq, NodeListType.INITIAL_CONFIG, null, 1L, null, nodes(ids), null);
    }

    static NodeList membership(long seq, RingId ring, long... ids) {
        return Messages.nodeList(seq, NodeListType.MEMBERSHIP, ring, null, null, nodes(ids), null);
    }

    static List<NodeInfo> nodes(long... ids) {
        return Arrays.stream(ids).mapToObj(NodeInfo::of).toList();
    }
}
