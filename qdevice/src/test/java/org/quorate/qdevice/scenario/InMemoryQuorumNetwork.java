package org.quorate.qdevice.scenario;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.qdevice.backend.NetSettings;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.qdevice.net.CastVoteTimer;
import org.quorate.qdevice.net.DisconnectReason;
import org.quorate.qdevice.net.Heuristics;
import org.quorate.qdevice.net.NetClient;
import org.quorate.qdevice.net.NetTransport;
import org.quorate.qdevice.net.NodeView;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.server.ClientConnection;
import org.quorate.qnetd.server.ClientSession;
import org.quorate.qnetd.server.QnetdEvents;
import org.quorate.qnetd.server.ServerContext;
import org.quorate.time.VirtualScheduler;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Quorate's qnetd sessions and qdevice clients wired together in memory, every message one scheduler
 * task, all on one virtual clock: deterministic, and minutes of protocol time run in milliseconds.
 */
public final class InMemoryQuorumNetwork implements QuorumNetwork {
    private static final long STEP_MS = 10;

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<Link> links = new ArrayList<>();
    private ServerContext server;

    public InMemoryQuorumNetwork() {
        startQnetd();
    }

    @Override
    public SimNode start(long nodeId, int clusterSize, DecisionAlgorithm algorithm) {
        SimNode n = new SimNode(nodeId);
        n.view = new NodeView(new NodeListNotification(new RingId(1, 1), List.of(nodeId)));
        n.castVote = new CastVoteTimer(clock, 5000, (cast, ring) -> {
            n.lastPolled = cast ? Vote.ACK : Vote.NACK;
            return PollResult.ACCEPTED;
        }, n.view::ringId, e -> fail("poll failed: " + e));
        n.client = new NetClient(clock, (settings, events) -> connect(n, settings, events), QdeviceSettings.defaults(),
                ScenarioConfig.of("sim", nodeId, clusterSize, algorithm, "qnetd", 5403, TlsSupported.SUPPORTED),
                n.castVote, Heuristics.DISABLED, n.view, reason -> fail(n + " gave up: " + reason), new Random(nodeId));
        n.client.start();
        return n;
    }

    private NetTransport connect(SimNode node, NetSettings settings, NetTransport.Events events) {
        Link link = new Link(node, events);
        if (server == null) {
            clock.execute(() -> events.connectFailed("connection refused"));
            return link.clientEnd;
        }
        links.add(link);
        link.session = server.newSession(link.serverEnd);
        link.session.opened();
        clock.execute(events::connected);
        return link.clientEnd;
    }

    @Override
    public void onNode(SimNode node, Runnable action) {
        action.run();
        clock.runDue();
    }

    @Override
    public <T> T query(SimNode node, Supplier<T> read) {
        return read.get();
    }

    @Override
    public void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long waited = 0;
        while (!condition.get()) {
            if (waited > timeout.toMillis()) {
                fail("in-memory network: " + what + " did not happen within " + timeout + " of virtual time");
            }
            clock.advance(STEP_MS, TimeUnit.MILLISECONDS);
            waited += STEP_MS;
        }
    }

    @Override
    public void pass(Duration time) {
        for (long waited = 0; waited < time.toMillis(); waited += STEP_MS) {
            clock.advance(STEP_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stopQnetd() {
        List<Link> open = new ArrayList<>(links);
        open.forEach(l -> l.close("qnetd stopped"));
        links.clear();
        server = null;
        clock.runDue();
    }

    @Override
    public void startQnetd() {
        server = ServerContext.create(QnetdSettings.defaults().toBuilder().tls(TlsSupported.UNSUPPORTED).build(),
                clock, QnetdEvents.NONE);
    }

    @Override
    public void cut(SimNode node, Direction direction) {
        node.faults.cut(direction);
    }

    @Override
    public void delay(SimNode node, Duration oneWay) {
        node.faults.delay(oneWay);
    }

    @Override
    public void heal(SimNode node) {
        node.faults.heal();
    }

    @Override
    public void dropConnection(SimNode node) {
        new ArrayList<>(links).stream().filter(l -> l.node == node).forEach(l -> l.close("connection lost"));
        clock.runDue();
    }

    @Override
    public void close() {
        stopQnetd();
    }

    /** Runs {@code delivery} after the node's delay, or never if its path is cut that way. */
    private void cross(SimNode node, boolean towardsQnetd, Runnable delivery) {
        if (node.faults.passes(towardsQnetd)) {
            clock.schedule(delivery, node.faults.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** One connection; each direction is a scheduler task, so ordering is FIFO per link. */
    private final class Link {
        private final SimNode node;
        private final NetTransport.Events clientEvents;
        private final ClientEnd clientEnd = new ClientEnd();
        private final ServerEnd serverEnd = new ServerEnd();
        private ClientSession session;
        private boolean open = true;

        Link(SimNode node, NetTransport.Events clientEvents) {
            this.node = node;
            this.clientEvents = clientEvents;
        }

        void close(String reason) {
            serverEnd.close(reason);
        }

        /** What the qdevice client holds. */
        private final class ClientEnd implements NetTransport {
            @Override
            public void send(QnetMessage message) {
                cross(node, true, () -> {
                    if (open && session != null) {
                        session.frameReceived();
                        session.received(message);
                    }
                });
            }

            @Override
            public void sendStartTls(QnetMessage startTls) {
                send(startTls);
            }

            @Override
            public void setMaxReceiveSize(int bytes) {
            }

            @Override
            public boolean tlsActive() {
                return false;
            }

            @Override
            public boolean clientCertificateSent() {
                return false;
            }

            @Override
            public void close() {
                if (open) {
                    open = false;
                    links.remove(Link.this);
                    ClientSession s = session;
                    if (s != null) {
                        clock.execute(() -> s.closed(false));
                    }
                }
            }
        }

        /** What the qnetd session holds. */
        private final class ServerEnd implements ClientConnection {
            @Override
            public void send(QnetMessage message) {
                cross(node, false, () -> {
                    if (open) {
                        clientEvents.received(message);
                    }
                });
            }

            @Override
            public X509Certificate peerCertificate() {
                return null;
            }

            @Override
            public void close(String reason) {
                if (open) {
                    open = false;
                    links.remove(Link.this);
                    session.closed(false);
                    clock.execute(() -> clientEvents.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, reason));
                }
            }

            @Override
            public String remoteAddress() {
                return "memory:" + System.identityHashCode(Link.this);
            }
        }
    }
}
