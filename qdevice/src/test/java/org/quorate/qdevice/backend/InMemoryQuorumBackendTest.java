package org.quorate.qdevice.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.cluster.cmap.CmapKeys;
import org.quorate.time.VirtualScheduler;

class InMemoryQuorumBackendTest {
    private static final String NAME = QuorumBackend.DEFAULT_DEVICE_NAME;
    private static final RingId RING = new RingId(1, 8);

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> events = new ArrayList<>();
    private InMemoryQuorumBackend backend;

    @BeforeEach
    void setUp() {
        backend = new InMemoryQuorumBackend(scheduler, ConfigFixtures.twoNodeNet(), 3);
    }

    private void track() {
        backend.startTracking(new QuorumListener() {
            @Override
            public void onNodeList(NodeListNotification n) {
                events.add("nodeList " + n.ringId() + " " + n.memberIds());
            }

            @Override
            public void onQuorum(QuorumNotification n) {
                events.add("quorum " + n.quorate() + " " + n.nodes());
            }

            @Override
            public void onExpectedVotes(int expectedVotes) {
                events.add("expected " + expectedVotes);
            }

            @Override
            public void onConfigChanged(Set<String> changedKeys) {
                events.add("config " + changedKeys);
            }

            @Override
            public void onBackendLost(QuorumBackendException cause) {
                events.add("lost " + cause.error());
            }
        }, scheduler::execute);
        scheduler.runDue();
    }

    @Test
    void readsItsConfigThroughTheParser() {
        assertThat(backend.readConfig(org.quorate.qdevice.backend.ConfigLimits.DEFAULTS, w -> { }).clusterName()).isEqualTo("lab1");
        assertThat(backend.configSnapshot().get("quorum.device.net.host")).hasValue("198.18.0.100");
    }

    @Test
    void deliversCurrentStateOnTrackingThenChangesOnTheExecutor() {
        backend.deliverNodeList(RING, List.of(1L, 2L));
        track();
        assertThat(events).containsExactly("nodeList 1.8 [1, 2]",
                "quorum false [NodeStatus[nodeId=1, state=MEMBER], NodeStatus[nodeId=2, state=MEMBER]]",
                "expected 3");

        events.clear();
        backend.deliverExpectedVotes(4);
        backend.putConfig("nodelist.node.2.nodeid", "3");
        backend.putConfig("totem.token", "3000");
        assertThat(events).as("nothing runs until the executor does").isEmpty();
        scheduler.runDue();
        assertThat(events).containsExactly("expected 4", "config [nodelist.node.2.nodeid]");
    }

    @Test
    void pollMakesTheDeviceAliveUntilTheTimeoutPasses() {
        backend.deliverNodeList(RING, List.of(1L, 2L));
        backend.register(NAME);
        assertThat(backend.info(0).flags()).containsExactly(VotequorumFlag.QDEVICE_REGISTERED);

        assertThat(backend.poll(NAME, true, RING)).isEqualTo(PollResult.ACCEPTED);
        VotequorumInfo info = backend.info(0);
        assertThat(info.flags()).contains(VotequorumFlag.QDEVICE_ALIVE, VotequorumFlag.QDEVICE_CAST_VOTE);
        assertThat(info.totalVotes()).isEqualTo(3);
        assertThat(info.qdeviceName()).isEqualTo(NAME);

        scheduler.advance(9_999, TimeUnit.MILLISECONDS);
        assertThat(backend.alive()).isTrue();
        scheduler.advance(1, TimeUnit.MILLISECONDS);
        assertThat(backend.alive()).isFalse();
        assertThat(backend.info(0).flags()).doesNotContain(VotequorumFlag.QDEVICE_ALIVE, VotequorumFlag.QDEVICE_CAST_VOTE);
        assertThat(backend.info(0).totalVotes()).isEqualTo(2);
        assertThat(backend.registeredName()).hasValue(NAME);
    }

    @Test
    void aPollWithAnOldRingIdIsIgnored() {
        backend.deliverNodeList(RING, List.of(1L));
        backend.register(NAME);
        backend.deliverNodeList(new RingId(1, 9), List.of(1L, 2L));
        assertThat(backend.poll(NAME, true, RING)).isEqualTo(PollResult.STALE_RING_ID);
        assertThat(backend.alive()).isFalse();
        assertThat(backend.poll(NAME, false, new RingId(1, 9))).isEqualTo(PollResult.ACCEPTED);
        assertThat(backend.acceptedPolls()).containsExactly("1.9 novote");
    }

    @Test
    void registrationRulesFollowVotequorum() {
        backend.register(NAME);
        backend.register(NAME);
        assertThatThrownBy(() -> backend.register("Other"))
                .isInstanceOfSatisfying(QuorumBackendException.class, e -> assertThat(e.error()).isEqualTo(CsError.EXIST))
                .hasMessage("votequorum_qdevice_register(Other) failed: CS_ERR_EXIST");
        assertThatThrownBy(() -> backend.poll("Other", true, RING))
                .isInstanceOfSatisfying(QuorumBackendException.class,
                        e -> assertThat(e.error()).isEqualTo(CsError.INVALID_PARAM));
        backend.masterWins(NAME, true);
        assertThat(backend.info(0).has(VotequorumFlag.QDEVICE_MASTER_WINS)).isTrue();
        backend.rename(NAME, "Renamed");
        backend.unregister("Renamed");
        assertThat(backend.info(0).flags()).isEmpty();
        assertThatThrownBy(() -> backend.unregister("Renamed"))
                .isInstanceOfSatisfying(QuorumBackendException.class,
                        e -> assertThat(e.error()).isEqualTo(CsError.NOT_EXIST));
    }

    @Test
    void registrationNeedsADeviceSection() {
        InMemoryQuorumBackend noDevice = new InMemoryQuorumBackend(scheduler,
                Map.of("totem.cluster_name", "x", "runtime.votequorum.this_node_id", "1"), 1);
        assertThatThrownBy(() -> noDevice.register(NAME))
                .isInstanceOfSatisfying(QuorumBackendException.class, e -> assertThat(e.error()).isEqualTo(CsError.ACCESS));
    }

    @Test
    void reloadBatchesConfigChanges() {
        track();
        events.clear();
        backend.putConfig(CmapKeys.CONFIG_RELOAD_IN_PROGRESS, "1");
        backend.putConfig("nodelist.node.2.nodeid", "3");
        backend.removeConfig("quorum.device.votes");
        scheduler.runDue();
        assertThat(events).isEmpty();
        backend.putConfig(CmapKeys.CONFIG_RELOAD_IN_PROGRESS, "0");
        scheduler.runDue();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).contains("nodelist.node.2.nodeid", "quorum.device.votes");
    }

    @Test
    void losingTheConnectionIsReportedOnceAndFailsLaterCalls() {
        track();
        events.clear();
        backend.loseConnection();
        backend.loseConnection();
        scheduler.runDue();
        assertThat(events).containsExactly("lost LIBRARY");
        assertThatThrownBy(() -> backend.register(NAME))
                .isInstanceOfSatisfying(QuorumBackendException.class, e -> assertThat(e.isConnectionLost()).isTrue());
    }

    @Test
    void quorumNotificationCarriesTheLocalDeviceAsNodeZero() {
        backend.deliverNodeList(RING, List.of(1L));
        backend.register(NAME);
        backend.poll(NAME, true, RING);
        track();
        events.clear();
        backend.deliverQuorum(true, List.of(new NodeStatus(1, NodeState.MEMBER), new NodeStatus(2, NodeState.DEAD)));
        scheduler.runDue();
        assertThat(events).containsExactly("quorum true [NodeStatus[nodeId=1, state=MEMBER], "
                + "NodeStatus[nodeId=2, state=DEAD], NodeStatus[nodeId=0, state=MEMBER]]");
    }

    @Test
    void trackingTwiceIsRejected() {
        track();
        assertThatThrownBy(this::track).isInstanceOfSatisfying(QuorumBackendException.class,
                e -> assertThat(e.error()).isEqualTo(CsError.EXIST));
    }
}
