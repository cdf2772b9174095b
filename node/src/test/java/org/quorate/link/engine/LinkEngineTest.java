package org.quorate.link.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorate.link.LinkEvent;
import org.quorate.link.LinkPolicy;
import org.quorate.link.RecordingListener;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.config.LinkTuning;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.link.status.CfgtoolFormatter;
import org.quorate.link.status.HostStatus;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.wire.Decoded;
import org.quorate.link.wire.DropReason;
import org.quorate.link.wire.LinkPacket;
import org.quorate.link.wire.PacketCodec;
import org.quorate.link.wire.PacketType;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.net.SendFailure;
import org.quorate.testsupport.simnet.AddressBook;
import org.quorate.testsupport.simnet.Datagram;
import org.quorate.testsupport.simnet.Endpoint;
import org.quorate.testsupport.simnet.Port;
import org.quorate.testsupport.simnet.SimDatagramTransport;
import org.quorate.testsupport.simnet.SimNetwork;
import org.quorate.time.VirtualScheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One real engine (host 1, two links) against a hand-driven peer (host 2): raw ports on host 2's addresses and
 * a codec with host 2's identity and the cluster key, so that each datagram the engine gets is chosen here.
 */
class LinkEngineTest {
    private static final byte[] KEY = new byte[256];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimNetwork network = new SimNetwork(scheduler, 5);
    private final AddressBook book = new AddressBook();
    private final List<byte[]>[] toPeer = new List[]{new ArrayList<>(), new ArrayList<>()};
    private final Port[] peer = new Port[2];
    private PacketCodec peerCodec;
    private LinkEngine engine;
    private RecordingListener heard;


    static LinkLayerConfig config(int self, int other, int links, LinkTuning tuning) {
        List<LinkSpec> specs = new ArrayList<>();
        for (int l = 0; l < links; l++) {
            specs.add(new LinkSpec(l, AddressBook.standardAddress(self, l), AddressBook.standardAddress(other, l), 1,
                    Duration.ofMillis(750), Duration.ofMillis(1500), 2048, 2));
        }
        return new LinkLayerConfig(self, "node" + self, LinkPolicy.PASSIVE, CryptoConfig.aead(AuthKey.of(KEY)),
                List.of(new HostLinks(other, "node" + other, specs)), tuning);
    }

    @BeforeEach
    void setUp() {
        for (int l = 0; l < 2; l++) {
            book.standard(1, l);
            book.standard(2, l);
            int link = l;
            peer[l] = network.bind(Endpoint.of(2, l), (Datagram d) -> toPeer[link].add(d.payload()));
        }
        peerCodec = new PacketCodec(2, 1, CryptoConfig.aead(AuthKey.of(KEY)), scheduler);
        start(LinkTuning.DEFAULTS);
    }

    /** The receivers the engine's sockets were opened with, to report send failures as the kernel would. */
    private final Map<InetSocketAddress, DatagramReceiver> receivers =
            new HashMap<>();

    private void start(LinkTuning tuning) {
        SimDatagramTransport sim = new SimDatagramTransport(network, book);
        DatagramTransport recording = new DatagramTransport() {
            @Override
            public DatagramEndpoint open(InetSocketAddress local,
                                                         DatagramReceiver receiver)
                    throws IOException {
                receivers.put(local, receiver);
                return sim.open(local, receiver);
            }

            @Override
            public void close() {
                sim.close();
            }
        };
        engine = new LinkEngine(config(1, 2, 2, tuning), recording, scheduler, InterfaceMtu.ETHERNET);
        heard = new RecordingListener();
        engine.start(heard);
    }

    /** Host 2 answers every ping on the link it came on, as a healthy peer would. */
    private void answerPings() {
        for (int l = 0; l < 2; l++) {
            for (byte[] d : toPeer[l]) {
                if (peerCodec.decode(d, d.length) instanceof Decoded.Accepted a && a.packet() instanceof LinkPacket.Ping p) {
                    fromPeer(l, l, new LinkPacket.Pong(p.timestampNanos(), p.sequence(), p.probe()));
                } else if (peerCodec.decode(d, d.length) instanceof Decoded.Accepted a
                        && a.packet() instanceof LinkPacket.PmtuProbe probe) {
                    fromPeer(l, l, new LinkPacket.PmtuReply(probe.probeId(), d.length));
                }
            }
            toPeer[l].clear();
        }
    }

    /** Sends {@code packet} from host 2's address on {@code fromLink}, claiming link {@code claimedLink}. */
    private void fromPeer(int fromLink, int claimedLink, LinkPacket packet) {
        peer[fromLink].send(Endpoint.of(1, fromLink), peerCodec.encode(1, claimedLink, packet));
    }

    private void bringUp() {
        for (int i = 0; i < 100 && !engine.reachable(2); i++) {
            scheduler.advance(50, TimeUnit.MILLISECONDS);
            answerPings();
        }
        assertThat(engine.reachable(2)).as("host 2 reachable with pongs answered").isTrue();
    }

    @Test
    void aHostBecomesReachableOnPongsAndDataIsDelivered() {
        bringUp();
        assertThat(heard.reachability).containsExactly("2 up");
        assertThat(heard.events).filteredOn(e -> e.kind() == LinkEvent.Kind.UP).extracting(LinkEvent::linkId)
                .containsExactlyInAnyOrder(0, 1);
        fromPeer(0, 0, new LinkPacket.DataFragment(0, 0, 1, "hello".getBytes()));
        scheduler.runDue();
        assertThat(heard.messages).containsExactly("2:hello");
    }

    @Test
    void aPacketClaimingAnotherLinkThanItsSocketIsDroppedAsLinkMismatch() {
        bringUp();
        fromPeer(0, 1, new LinkPacket.DataFragment(0, 0, 1, "spoofed link id".getBytes()));
        scheduler.runDue();
        assertThat(heard.messages).isEmpty();
        assertThat(engine.dropped(DropReason.LINK_MISMATCH)).isEqualTo(1);
    }

    @Test
    void aPacketFromAnotherAddressThanTheConfiguredRemoteIsDroppedAsLinkMismatch() {
        bringUp();
        // host 2's link-1 address sending to host 1's link-0 socket, claiming link 0: right key, wrong source
        peer[1].send(Endpoint.of(1, 0), peerCodec.encode(1, 0, new LinkPacket.DataFragment(0, 0, 1, "x".getBytes())));
        scheduler.runDue();
        assertThat(heard.messages).isEmpty();
        assertThat(engine.dropped(DropReason.LINK_MISMATCH)).isEqualTo(1);
    }

    @Test
    void dataFromAHostNotYetReachableIsDroppedUnlessAPongWasCounted() {
        fromPeer(0, 0, new LinkPacket.DataFragment(0, 0, 1, "early".getBytes()));
        scheduler.runDue();
        assertThat(heard.messages).isEmpty();
        assertThat(engine.dropped(DropReason.HOST_NOT_REACHABLE)).isEqualTo(1);
    }

    @Test
    void duplicatesAreDeliveredOnceAndFragmentsAreReassembled() {
        bringUp();
        LinkPacket.DataFragment once = new LinkPacket.DataFragment(7, 0, 1, "once".getBytes());
        fromPeer(0, 0, once);
        fromPeer(1, 1, once);
        fromPeer(0, 0, new LinkPacket.DataFragment(8, 1, 2, "world".getBytes()));
        fromPeer(1, 1, new LinkPacket.DataFragment(8, 0, 2, "hello ".getBytes()));
        fromPeer(0, 0, new LinkPacket.DataFragment(8, 0, 2, "hello ".getBytes()));
        scheduler.runDue();
        assertThat(heard.messages).containsExactly("2:once", "2:hello world");
        assertThat(engine.dropped(DropReason.DUPLICATE)).isEqualTo(2);
    }

    @Test
    void sendsFragmentToTheDataMtuAndAreBoundedPerSchedulerTurn() {
        close();
        start(new LinkTuning(LinkTuning.DEFAULTS.heartbeat(), LinkTuning.DEFAULTS.pmtu(),
                LinkTuning.DEFAULTS.reassembly(), 100_000));
        bringUp();
        toPeer[0].clear();
        assertThat(engine.send(2, new byte[60_000])).isTrue();
        assertThat(engine.send(2, new byte[60_000])).as("over 100 000 bytes in one turn").isFalse();
        assertThat(engine.refusedSends()).isEqualTo(1);
        scheduler.runDue();
        assertThat(engine.send(2, new byte[60_000])).as("the next turn has room again").isTrue();
        int maxDatagram = toPeer[0].stream().mapToInt(b -> b.length).max().orElseThrow();
        assertThat(maxDatagram).isLessThanOrEqualTo(engine.status().hosts().get(1).links().get(0).mtu()
                + new PacketCodec(1, 1, CryptoConfig.aead(AuthKey.of(KEY)), scheduler).overhead(
                PacketType.DATA));
        assertThat(toPeer[0].size()).isGreaterThan(40);
        assertThatThrownBy(() -> engine.send(2, new byte[65537])).hasMessageContaining("host 2");
    }

    @Test
    void theLocalHostIsLoopedBackOnTheNextTurnAndShownAsLocalhost() {
        assertThat(engine.send(1, "self".getBytes())).isTrue();
        assertThat(heard.messages).as("never from inside send").isEmpty();
        scheduler.runDue();
        assertThat(heard.messages).containsExactly("1:self");
        assertThat(engine.reachable(1)).isTrue();
        assertThat(engine.sendToAll("all".getBytes())).as("host 2 is not reachable yet: only the local host").isEqualTo(1);

        LinkLayerStatus s = engine.status();
        assertThat(s.hosts()).extracting(HostStatus::hostId).containsExactly(1, 2);
        assertThat(s.hosts().get(0).local()).isTrue();
        String text = CfgtoolFormatter.status(s);
        assertThat(text).startsWith("Local node ID 1, transport knet").contains("localhost").contains("disconnected");
        bringUp();
        assertThat(CfgtoolFormatter.status(engine.status())).contains("connected").doesNotContain("disconnected");
    }

    @Test
    void aSilentPeerTakesBothLinksDownAndTheHostUnreachableOnce() {
        bringUp();
        scheduler.advance(30, TimeUnit.SECONDS); // nobody answers any more
        assertThat(heard.reachability).containsExactly("2 up", "2 down");
        assertThat(heard.events).filteredOn(e -> e.kind() == LinkEvent.Kind.DOWN).hasSize(2);
        assertThat(engine.send(2, new byte[1])).isFalse();
        assertThat(engine.status().hosts().get(1).links().get(0).notEligibleWhy()).startsWith("down: no pong");
    }

    @Test
    void nothingReachesTheListenerAfterClose() {
        bringUp();
        fromPeer(0, 0, new LinkPacket.DataFragment(1, 0, 1, "late".getBytes()));
        engine.send(1, "self".getBytes());
        close();
        scheduler.advance(30, TimeUnit.SECONDS);
        assertThat(heard.messages).isEmpty();
        assertThat(heard.reachability).containsExactly("2 up");
        assertThat(engine.send(2, new byte[1])).isFalse();
        assertThat(scheduler.pendingTasks()).as("the tick is cancelled").isZero();
    }

    @Test
    void fragmentStreamsThatNeverCompleteStayWithinTheReassemblyBounds() {
        bringUp();
        byte[] chunk = new byte[1400];
        for (long seq = 0; seq < 5000; seq++) {
            fromPeer((int) (seq % 2), (int) (seq % 2), new LinkPacket.DataFragment(seq, 0, 255, chunk));
            if (seq % 100 == 0) {
                scheduler.runDue();
                assertThat(engine.reassemblyBytes()).isLessThanOrEqualTo(LinkTuning.DEFAULTS.reassembly().maxBytes());
            }
        }
        fromPeer(0, 0, new LinkPacket.DataFragment(9000, 1, 2, "done".getBytes()));
        fromPeer(1, 1, new LinkPacket.DataFragment(9000, 0, 2, "all ".getBytes()));
        scheduler.runDue();
        assertThat(heard.messages).containsExactly("2:all done");
        assertThat(engine.reassemblyBytes()).isLessThanOrEqualTo(LinkTuning.DEFAULTS.reassembly().maxBytes());
        scheduler.advance(LinkTuning.DEFAULTS.reassembly().timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        answerPings();
        assertThat(engine.reassemblyBytes()).as("expired after the reassembly timeout").isZero();
    }

    @Test
    void anUnreachableErrorTakesAConnectedLinkDownAtOnceAndAFirewallRefusalOnlyCounts() {
        bringUp();
        var local0 = AddressBook.standardAddress(1, 0);
        var remote0 = AddressBook.standardAddress(2, 0);
        receivers.get(local0).sendFailed(remote0, SendFailure.PERMISSION_DENIED, "EPERM");
        assertThat(engine.status().hosts().get(1).links().get(0).connected()).isTrue();
        receivers.get(local0).sendFailed(remote0, SendFailure.UNREACHABLE, "ECONNREFUSED");
        assertThat(heard.events).filteredOn(e -> e.kind() == LinkEvent.Kind.DOWN).extracting(LinkEvent::linkId)
                .containsExactly(0);
        assertThat(heard.events).filteredOn(e -> e.kind() == LinkEvent.Kind.FAILOVER).hasSize(1);
        assertThat(heard.reachability).containsExactly("2 up");
        assertThat(engine.status().hosts().get(1).links().get(0).counters().txErrors()).isEqualTo(2);
        assertThat(engine.status().hosts().get(1).links().get(0).notEligibleWhy()).contains("ENETUNREACH");
        for (int i = 0; i < 400; i++) { // pongs bring it back, after knet's backoff
            scheduler.advance(50, TimeUnit.MILLISECONDS);
            answerPings();
        }
        assertThat(engine.status().hosts().get(1).links().get(0).connected()).isTrue();
    }

    @Test
    void startingTwiceFailsNamingTheHost() {
        assertThatThrownBy(() -> engine.start(new RecordingListener())).hasMessageContaining("host 1");
    }

    private void close() {
        engine.close();
    }
}
