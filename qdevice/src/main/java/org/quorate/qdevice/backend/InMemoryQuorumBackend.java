package org.quorate.qdevice.backend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.cluster.cmap.CmapKeys;
import org.quorate.time.Clock;

/**
 * A {@link QuorumBackend} that keeps votequorum's quorum-device bookkeeping in memory, with the
 * same rules and error codes as corosync (node-and-link spec §2.9): registration, ring-id checked
 * polls, the device timeout that clears "alive", master-wins, rename.
 *
 * <p>It lives in main code, not test code, on purpose: the qdevice daemon's tests drive it, and a
 * later in-process node layer (Quorate's own votequorum) can sit behind the same seam by feeding
 * it membership through {@link #deliverNodeList}/{@link #deliverQuorum}. The "other side" methods
 * ({@code deliver*}, {@code putConfig}, {@code loseConnection}, ...) play corosync's part.
 *
 * <p>Time comes from the given {@link Clock}: the device counts as alive while its last accepted
 * poll is younger than {@code quorum.device.timeout}. Thread-safe; notifications go to the
 * tracking executor in call order.
 */
public final class InMemoryQuorumBackend implements QuorumBackend {
    private final Clock clock;
    private final Map<String, String> config = new HashMap<>();
    private final ConfigChangeBatcher batcher = new ConfigChangeBatcher();
    private final List<String> polls = new ArrayList<>();

    private QuorumListener listener;
    private Executor executor;
    private RingId ringId = RingId.ZERO;
    private List<Long> members = List.of();
    private boolean quorate;
    private int expectedVotes;
    private String deviceName;
    private boolean castVote;
    private boolean masterWins;
    private long lastPollNanos;
    private boolean everPolled;
    private CsError lostWith;
    private boolean closed;

    public InMemoryQuorumBackend(Clock clock, Map<String, String> initialConfig, int expectedVotes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config.putAll(initialConfig);
        this.expectedVotes = expectedVotes;
    }

    // ---- QuorumBackend -------------------------------------------------------------------

    @Override
    public synchronized ConfigSnapshot configSnapshot() {
        checkUsable("cmap_get");
        Map<String, String> copy = new HashMap<>();
        config.forEach((k, v) -> {
            if (CmapKeys.SNAPSHOT_PREFIXES.stream().anyMatch(k::startsWith)) {
                copy.put(k, v);
            }
        });
        return ConfigSnapshot.of(copy);
    }

    @Override
    public synchronized void startTracking(QuorumListener listener, Executor executor) {
        checkUsable("votequorum_trackstart");
        if (this.listener != null) {
            throw new QuorumBackendException("votequorum_trackstart", CsError.EXIST);
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.executor = Objects.requireNonNull(executor, "executor");
        // Like CS_TRACK_CURRENT|CS_TRACK_CHANGES: the current state first.
        if (!ringId.equals(RingId.ZERO)) {
            NodeListNotification nl = new NodeListNotification(ringId, members);
            QuorumNotification q = quorumNotification();
            notify(l -> l.onNodeList(nl));
            notify(l -> l.onQuorum(q));
        }
        int ev = expectedVotes;
        notify(l -> l.onExpectedVotes(ev));
    }

    @Override
    public synchronized VotequorumInfo info(long nodeId) {
        String op = "votequorum_getinfo(" + nodeId + ")";
        checkUsable(op);
        long localId = localNodeId();
        if (nodeId != QDEVICE_NODE_ID && nodeId != localId) {
            throw new QuorumBackendException(op, CsError.NOT_EXIST);
        }
        boolean alive = alive();
        Set<VotequorumFlag> flags = EnumSet.noneOf(VotequorumFlag.class);
        if (deviceName != null) {
            flags.add(VotequorumFlag.QDEVICE_REGISTERED);
        }
        if (alive) {
            flags.add(VotequorumFlag.QDEVICE_ALIVE);
        }
        if (alive && castVote) {
            flags.add(VotequorumFlag.QDEVICE_CAST_VOTE);
        }
        if (masterWins) {
            flags.add(VotequorumFlag.QDEVICE_MASTER_WINS);
        }
        if (quorate) {
            flags.add(VotequorumFlag.QUORATE);
        }
        int deviceVotes = deviceVotes();
        int total = members.size() + (flags.contains(VotequorumFlag.QDEVICE_CAST_VOTE) ? deviceVotes : 0);
        return new VotequorumInfo(localId, NodeState.MEMBER, 1, expectedVotes, expectedVotes, total,
                expectedVotes / 2 + 1, flags, deviceVotes, deviceName == null ? "" : deviceName);
    }

    @Override
    public synchronized void register(String name) {
        String op = "votequorum_qdevice_register(" + name + ")";
        checkUsable(op);
        if (!config.containsKey(CmapKeys.QUORUM_DEVICE_MODEL)) {
            // corosync: "Registration of quorum device is disabled by incorrect corosync.conf"
            throw new QuorumBackendException(op, CsError.ACCESS);
        }
        if (deviceName != null && !deviceName.equals(name)) {
            throw new QuorumBackendException(op, CsError.EXIST);
        }
        deviceName = name;
    }

    @Override
    public synchronized void unregister(String name) {
        String op = "votequorum_qdevice_unregister(" + name + ")";
        checkRegistered(op, name);
        deviceName = null;
        castVote = false;
        masterWins = false;
        everPolled = false;
    }

    @Override
    public synchronized PollResult poll(String name, boolean castVote, RingId ringId) {
        String op = "votequorum_qdevice_poll(" + name + ")";
        checkRegistered(op, name);
        if (!ringId.equals(this.ringId)) {
            return PollResult.STALE_RING_ID;
        }
        this.castVote = castVote;
        this.lastPollNanos = clock.nanoTime();
        this.everPolled = true;
        polls.add(ringId + (castVote ? " vote" : " novote"));
        return PollResult.ACCEPTED;
    }

    @Override
    public synchronized void masterWins(String name, boolean allow) {
        checkRegistered("votequorum_qdevice_master_wins(" + name + ")", name);
        masterWins = allow;
    }

    @Override
    public synchronized void rename(String oldName, String newName) {
        checkRegistered("votequorum_qdevice_update(" + oldName + ")", oldName);
        deviceName = Objects.requireNonNull(newName, "newName");
    }

    @Override
    public synchronized void close() {
        closed = true;
        listener = null;
    }

    // ---- corosync's side -----------------------------------------------------------------

    /** A new ring formed: the device must quote {@code ring} from now on. */
    public synchronized void deliverNodeList(RingId ring, List<Long> memberIds) {
        NodeListNotification n = new NodeListNotification(ring, memberIds);
        this.ringId = ring;
        this.members = n.memberIds();
        notify(l -> l.onNodeList(n));
    }

    /** The sync ended with this quorum state; the local device (node 0) is appended when registered. */
    public synchronized void deliverQuorum(boolean quorate, List<NodeStatus> nodes) {
        this.quorate = quorate;
        List<NodeStatus> all = new ArrayList<>(nodes);
        if (deviceName != null) {
            all.add(new NodeStatus(QDEVICE_NODE_ID, alive() ? NodeState.MEMBER : NodeState.DEAD));
        }
        QuorumNotification q = new QuorumNotification(quorate, all);
        notify(l -> l.onQuorum(q));
    }

    public synchronized void deliverExpectedVotes(int expected) {
        this.expectedVotes = expected;
        notify(l -> l.onExpectedVotes(expected));
    }

    /** Sets a key, as corosync-cmapctl -s or a config reload would. */
    public synchronized void putConfig(String key, String value) {
        config.put(key, value);
        configChanged(key, value);
    }

    public synchronized void removeConfig(String key) {
        config.remove(key);
        configChanged(key, null);
    }

    /** corosync went away: delivers {@link QuorumListener#onBackendLost} and fails every later call. */
    public synchronized void loseConnection() {
        if (lostWith == null) {
            lostWith = CsError.LIBRARY;
            QuorumBackendException cause = new QuorumBackendException("votequorum_dispatch", lostWith);
            notify(l -> l.onBackendLost(cause));
        }
    }

    /** True while the device's last poll is younger than the device timeout. */
    public synchronized boolean alive() {
        if (deviceName == null || !everPolled) {
            return false;
        }
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(deviceTimeoutMs());
        return clock.nanoTime() - lastPollNanos < timeoutNanos;
    }

    public synchronized Optional<String> registeredName() {
        return Optional.ofNullable(deviceName);
    }

    /** Accepted polls so far, as {@code "<ring> vote"} or {@code "<ring> novote"}. */
    public synchronized List<String> acceptedPolls() {
        return List.copyOf(polls);
    }

    public synchronized boolean masterWinsSet() {
        return masterWins;
    }

    // ---- helpers -------------------------------------------------------------------------

    private void configChanged(String key, String value) {
        batcher.onChange(key, value).ifPresent(keys -> notify(l -> l.onConfigChanged(keys)));
    }

    private void notify(java.util.function.Consumer<QuorumListener> call) {
        QuorumListener l = listener;
        if (l != null) {
            executor.execute(() -> call.accept(l));
        }
    }

    private QuorumNotification quorumNotification() {
        List<NodeStatus> nodes = new ArrayList<>();
        members.forEach(id -> nodes.add(new NodeStatus(id, NodeState.MEMBER)));
        return new QuorumNotification(quorate, nodes);
    }

    private void checkUsable(String op) {
        if (closed) {
            throw new QuorumBackendException(op, CsError.BAD_HANDLE);
        }
        if (lostWith != null) {
            throw new QuorumBackendException(op, lostWith);
        }
    }

    private void checkRegistered(String op, String name) {
        checkUsable(op);
        if (deviceName == null) {
            throw new QuorumBackendException(op, CsError.NOT_EXIST);
        }
        if (!deviceName.equals(name)) {
            throw new QuorumBackendException(op, CsError.INVALID_PARAM);
        }
    }

    private long localNodeId() {
        String v = config.get(CmapKeys.RUNTIME_VOTEQUORUM_THIS_NODE_ID);
        return v == null ? 1 : Long.parseLong(v);
    }

    private long deviceTimeoutMs() {
        String v = config.get(CmapKeys.QUORUM_DEVICE_TIMEOUT);
        return v == null ? DeviceSettings.DEFAULT_TIMEOUT_MS : Long.parseLong(v);
    }

    private int deviceVotes() {
        String v = config.get(CmapKeys.QUORUM_DEVICE_VOTES);
        return v == null ? 1 : Integer.parseInt(v);
    }
}
