package org.quorate.votequorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.cluster.group.GroupView;
import org.quorate.state.StateMachine;
import org.quorate.votequorum.Effect.Level;
import org.quorate.votequorum.message.NodeInfoMessage;
import org.quorate.votequorum.message.QdeviceOperation;
import org.quorate.votequorum.message.QdeviceReconfigureMessage;
import org.quorate.votequorum.message.QdeviceRegMessage;
import org.quorate.votequorum.message.ReconfigureMessage;
import org.quorate.votequorum.message.ReconfigureParam;
import org.quorate.votequorum.message.VqMessage;

/**
 * votequorum, the arithmetic that decides whether a partition may run services (node-and-link spec §2),
 * as a pure state machine: configuration, views, agreed messages, timer expiries and library calls in;
 * state, and {@link Effect}s (messages to multicast, timers, notifications) out, collected until the host
 * calls {@link #drainEffects}. No threads, no I/O, no clock: the time of a call is its {@code nowMs}.
 *
 * <p>The behaviour is corosync 3.1.7's {@code exec/votequorum.c}, rule for rule, including its quirks
 * (the quorum is kept in 8 bits; a node adopts the flags of its own NODEINFO when it comes back).
 * Not thread-safe: one host thread calls it.
 */
public final class Votequorum {
    private final long localNodeId;
    private final NodeTable nodes = new NodeTable();
    private final NodeEntry us;
    private final NodeEntry qdevice = new NodeEntry(0);
    private final List<Effect> effects = new ArrayList<>();
    private final StateMachine<SyncPhase> sync;
    private final StateMachine<DeviceRegistration> registration;
    private Map<String, String> cmap;

    private int quorum; // uint8_t in corosync, also in master: a quorum above 255 wraps
    private boolean clusterIsQuorate;
    private List<Long> quorumMembers = List.of();
    private List<Long> previousQuorumMembers = List.of();
    private RingId quorumRingId = RingId.ZERO;

    private String qdeviceName = "";
    private boolean qdeviceMasterWins;
    private boolean qdeviceTimerSet;
    private boolean waitingForPoll;

    private boolean waitForAllStatus;
    private long lowestNodeId = -1;
    private long highestNodeId = -1;
    private boolean lmsTimerSet;
    private final OptionalLong evTrackingStored;
    private final boolean unlistedTakesFirstEntry;
    private final Features f = new Features();

    private Votequorum(long localNodeId, Map<String, String> cmap, OptionalLong evTrackingStored,
            boolean unlistedTakesFirstEntry) {
        this.unlistedTakesFirstEntry = unlistedTakesFirstEntry;
        this.localNodeId = NodeIds.check(localNodeId);
        this.cmap = Map.copyOf(cmap);
        this.evTrackingStored = evTrackingStored;
        this.sync = StateMachine.of("votequorum sync on node " + localNodeId, SyncPhase.TABLE, SyncPhase.IDLE);
        this.registration = StateMachine.of("quorum device of node " + localNodeId, DeviceRegistration.TABLE,
                DeviceRegistration.UNREGISTERED);
        us = nodes.add(localNodeId);
        us.state = NodeState.MEMBER;
        us.votes = 1;
        us.set(NodeFlag.FIRST, true);
    }

    /**
     * Starts votequorum on {@code localNodeId} ({@code votequorum_exec_init_fn}).
     *
     * @param cmap the flattened configuration keys
     * @param evTrackingStored the 4-byte content of {@code <state_dir>/ev_tracking}, empty when the file is
     *     missing or short (it is then created with 0, as a {@link Effect.CreateEvTrackingFile})
     * @throws VotequorumConfigException with corosync's message when it refuses the configuration
     */
    public static Votequorum start(Map<String, String> cmap, long localNodeId, OptionalLong evTrackingStored) {
        return start(cmap, localNodeId, evTrackingStored, false);
    }

    /**
     * As {@link #start(Map, long, OptionalLong)}; with {@code unlistedTakesFirstEntry} a node that is not in the
     * nodelist runs with the first entry's votes, as corosync-vqsim starts such a node ({@code set_local_node_pos}
     * falls back to position 0), where corosync itself would have no nodelist for it.
     */
    public static Votequorum start(Map<String, String> cmap, long localNodeId, OptionalLong evTrackingStored,
            boolean unlistedTakesFirstEntry) {
        Votequorum vq = new Votequorum(localNodeId, cmap, evTrackingStored, unlistedTakesFirstEntry);
        String error = vq.readConfig(false);
        if (error != null) {
            throw new VotequorumConfigException(error);
        }
        vq.recalculateQuorum(false, false);
        vq.sendNodeInfo(localNodeId);
        return vq;
    }

    public static Votequorum start(Map<String, String> cmap, long localNodeId) {
        return start(cmap, localNodeId, OptionalLong.empty());
    }

    /** The effects collected since the last drain, in order. */
    public List<Effect> drainEffects() {
        List<Effect> out = List.copyOf(effects);
        effects.clear();
        return out;
    }

    // ------------------------------------------------------------------ configuration

    /** A reload of the configuration keys ({@code votequorum_refresh_config} after {@code corosync-cfgtool -R}). */
    public void reload(Map<String, String> newCmap) {
        // quorum.cancel_wait_for_all is honoured only when that key alone is written (cancelWaitForAll), not in
        // a full reload, where corosync's refresh sees the key "config.totemconfig_reload_in_progress"
        cmap = Map.copyOf(newCmap);
        long oldVotes = us.votes;
        long oldExpected = us.expectedVotes;
        readConfig(true);
        sendNodeInfo(localNodeId);
        sendNodeInfo(0);
        if (us.votes != oldVotes) {
            multicast(new ReconfigureMessage(localNodeId, us.votes, ReconfigureParam.NODE_VOTES));
        }
        if (us.expectedVotes != oldExpected) {
            multicast(new ReconfigureMessage(localNodeId, us.expectedVotes, ReconfigureParam.EXPECTED_VOTES));
        }
    }

    /** {@code quorum.cancel_wait_for_all} set in cmap: every node stops waiting for all. */
    public void cancelWaitForAll() {
        multicast(new ReconfigureMessage(localNodeId, 0, ReconfigureParam.CANCEL_WFA));
    }

    /** A clean shutdown ({@code votequorum_exec_exit_fn}): with allow_downscale the node announces it leaves. */
    public void shutdown() {
        if (f.allowDownscale) {
            us.set(NodeFlag.LEAVING, true);
            sendNodeInfo(localNodeId);
        }
    }

    private String readConfig(boolean runtime) {
        QuorumConfig c;
        try {
            c = QuorumConfigReader.read(cmap, localNodeId, unlistedTakesFirstEntry);
        } catch (VotequorumConfigException e) {
            if (!runtime) {
                return e.getMessage();
            }
            log(Level.CRIT, e.getMessage());
            return null;
        }
        ConfigLoader.Outcome outcome = ConfigLoader.load(c, runtime, f, us, qdevice, evTrackingStored, effects);
        if (outcome.completed()) {
            if (f.waitForAll) {
                if (!runtime) {
                    setWaitForAllStatus(true);
                }
            } else if (f.waitForAllAutoset && waitForAllStatus) {
                setWaitForAllStatus(false);
            }
        }
        return runtime ? null : outcome.error();
    }

    // ------------------------------------------------------------------ the quorum formula (§2.3)

    /** {@code calculate_quorum}: the quorum (not yet cut to 8 bits) and the votes counted with it. */
    private long[] calculateQuorum(boolean allowDecrease, long maxExpected) {
        if (f.allowDownscale && allowDecrease && maxExpected != 0) {
            maxExpected = Math.max(f.evBarrier, maxExpected);
        }
        long highestExpected = nodes.highestExpected();
        long totalVotes = nodes.memberVotes();
        long totalNodes = nodes.members().size();
        if (us.has(NodeFlag.QDEVICE_CAST_VOTE)) {
            totalVotes += qdevice.votes;
            totalNodes++;
        }
        if (maxExpected > 0) {
            highestExpected = maxExpected;
        }
        long newQuorum = Math.max((highestExpected + 2) / 2, (totalVotes + 2) / 2);
        if (!allowDecrease) {
            newQuorum = Math.max(quorum, newQuorum);
        }
        if (f.twoNode && totalNodes <= 2) {
            newQuorum = 1;
        }
        return new long[] {newQuorum, totalVotes};
    }

    /** {@code recalculate_quorum}. */
    private void recalculateQuorum(boolean allowDecrease, boolean byCurrentNodes) {
        long totalVotes = nodes.memberVotes();
        long clusterMembers = nodes.members().size();
        if (qdevice.votes != 0) {
            totalVotes += qdevice.votes;
            clusterMembers++;
        }
        if (!byCurrentNodes) {
            clusterMembers = 0;
        }
        if (totalVotes > us.expectedVotes) {
            us.expectedVotes = totalVotes;
            effects.add(new Effect.ExpectedVotesNotification(us.expectedVotes));
        }
        if (f.evTracking && us.expectedVotes > f.evTrackingBarrier) {
            f.evTrackingBarrier = us.expectedVotes; // in memory only, as in 3.1.7 (Effect.CreateEvTrackingFile)
            effects.add(new Effect.Log(Level.WARNING, ConfigLoader.EV_TRACKING_UPDATE_FAILED));
        }
        long[] q = calculateQuorum(allowDecrease, clusterMembers);
        quorum = (int) (q[0] & 0xFF);
        nodes.setMembersExpected(clusterMembers);
        areWeQuorate(q[1]);
    }

    /** {@code are_we_quorate}. */
    private void areWeQuorate(long totalVotes) {
        if (f.waitForAll && waitForAllStatus) {
            if (totalVotes != us.expectedVotes) {
                log(Level.NOTICE, "Waiting for all cluster members. Current votes: " + totalVotes
                        + " expected_votes: " + us.expectedVotes);
                return;
            }
            setWaitForAllStatus(false);
        }
        boolean quorate = quorum <= totalVotes;
        if (quorate) {
            lowestNodeId = localNodeId;
            highestNodeId = localNodeId;
            for (NodeEntry e : nodes.members()) {
                lowestNodeId = Math.min(lowestNodeId, e.nodeId);
                highestNodeId = Math.max(highestNodeId, e.nodeId);
            }
        }
        if (f.autoTieBreaker.enabled()
                && totalVotes == us.expectedVotes / 2
                && previousQuorumMembers.size() - quorumMembers.size() < quorum
                && tieBreakerAllows()) {
            quorate = true;
        }
        if (qdeviceMasterWins && !quorate && masterWinsPartition()) {
            log(Level.DEBUG, "node is quorate as part of master_wins partition");
            quorate = true;
        }
        boolean changed = quorate != clusterIsQuorate;
        clusterIsQuorate = quorate;
        us.set(NodeFlag.QUORATE, quorate);
        if (f.waitForAll) {
            setWaitForAllStatus(!quorate);
        }
        if (changed && sync.is(SyncPhase.IDLE)) {
            announceQuorum();
        }
    }

    /** {@code check_auto_tie_breaker}. */
    private boolean tieBreakerAllows() {
        switch (f.autoTieBreaker.mode()) {
            case LOWEST:
                return nodes.isMember(lowestNodeId);
            case HIGHEST:
                return nodes.isMember(highestNodeId);
            default:
                List<Long> list = f.autoTieBreaker.nodes();
                for (int i = 0; i < list.size(); i++) {
                    if (quorumMembers.contains(list.get(i))) {
                        for (int j = 0; j < i; j++) {
                            if (previousQuorumMembers.contains(list.get(j))) {
                                return false;
                            }
                        }
                        return true;
                    }
                }
                return false;
        }
    }

    private boolean masterWinsPartition() {
        for (NodeEntry e : nodes.members()) {
            if (e.has(NodeFlag.QDEVICE_MASTER_WINS) && e.has(NodeFlag.QDEVICE_CAST_VOTE)) {
                return true;
            }
        }
        return false;
    }

    private void setWaitForAllStatus(boolean on) {
        waitForAllStatus = on;
        us.set(NodeFlag.WFASTATUS, on);
    }

    private void announceQuorum() {
        effects.add(new Effect.QuorumChanged(clusterIsQuorate, quorumMembers, quorumRingId));
        effects.add(quorumNotification());
    }

    // ------------------------------------------------------------------ sync (§2.6, §2.7)

    /** A new ring is installed ({@code votequorum_sync_init}). */
    public void syncInit(GroupView view, long nowMs) {
        List<Long> members = view.members();
        sync.moveTo(SyncPhase.STARTED, "ring " + view.ringId(), nowMs * 1_000_000);
        waitingForPoll = false;
        if (members.size() > 1) {
            us.set(NodeFlag.FIRST, false);
        }
        boolean somebodyLeft = false;
        for (long id : quorumMembers) {
            if (!members.contains(id)) {
                somebodyLeft = true;
                NodeEntry e = nodes.get(id);
                if (e != null) {
                    e.state = NodeState.DEAD;
                }
            }
        }
        if (f.lastManStanding) {
            if ((members.size() >= quorum && somebodyLeft)
                    || (members.size() <= quorum && f.autoTieBreaker.enabled() && nodes.isMember(lowestNodeId))) {
                lmsTimerSet = true;
                effects.add(new Effect.ArmTimer(TimerKind.LAST_MAN_STANDING, f.lastManStandingWindowMs,
                        nowMs + f.lastManStandingWindowMs));
            }
        }
        previousQuorumMembers = quorumMembers;
        quorumMembers = List.copyOf(members);
        quorumRingId = view.ringId();
        if (us.has(NodeFlag.QDEVICE_REGISTERED) && us.has(NodeFlag.QDEVICE_ALIVE)) {
            qdeviceTimerSet = true;
            waitingForPoll = true;
            effects.add(new Effect.ArmTimer(TimerKind.QDEVICE, f.qdeviceSyncTimeoutMs, nowMs + f.qdeviceSyncTimeoutMs));
            log(Level.INFO, "waiting for quorum device " + qdeviceName + " poll (but maximum for "
                    + f.qdeviceSyncTimeoutMs + " ms)");
        }
    }

    /** {@code votequorum_sync_process}: true when done; false holds the ring while the device's poll is awaited. */
    public boolean syncProcess() {
        if (sync.is(SyncPhase.STARTED)) {
            sendNodeInfo(localNodeId);
            sendNodeInfo(0);
            if (!qdeviceName.isEmpty()) {
                multicast(new QdeviceRegMessage(QdeviceOperation.REGISTER, qdeviceName));
            }
            effects.add(new Effect.NodeListNotification(quorumRingId, quorumMembers));
            sync.moveTo(SyncPhase.INFO_SENT, "node information sent", 0);
        }
        return !(us.has(NodeFlag.QDEVICE_REGISTERED) && waitingForPoll);
    }

    /** Every member finished {@link #syncProcess}: the ring is in service ({@code votequorum_sync_activate}). */
    public void syncActivate() {
        recalculateQuorum(false, false);
        sync.moveTo(SyncPhase.IDLE, "ring " + quorumRingId + " activated", 0);
        announceQuorum();
    }

    /** A newer ring replaced the one in sync; corosync's votequorum does nothing here. */
    public void syncAbort() {
        // votequorum_sync_abort is empty: the next syncInit starts over
    }

    // ------------------------------------------------------------------ messages (§2.5)

    public void deliver(long senderNodeId, VqMessage message) {
        if (message instanceof NodeInfoMessage m) {
            onNodeInfo(senderNodeId, m);
        } else if (message instanceof ReconfigureMessage m) {
            onReconfigure(m);
        } else if (message instanceof QdeviceRegMessage m) {
            onQdeviceReg(senderNodeId, m);
        } else if (message instanceof QdeviceReconfigureMessage m) {
            if (m.oldName().equals(qdeviceName)) {
                qdeviceName = m.newName();
            }
        }
    }

    private void onNodeInfo(long sender, NodeInfoMessage m) {
        long nodeId = m.nodeId();
        NodeEntry node = nodeId == 0 ? qdevice : nodes.get(nodeId);
        boolean newNode = node == null;
        if (newNode) {
            node = nodes.add(nodeId);
        }
        long oldVotes = newNode ? 0 : node.votes;
        long oldExpected = newNode ? 0 : node.expectedVotes;
        NodeState oldState = newNode ? NodeState.DEAD : node.state;
        int oldFlags = newNode ? 0 : node.flags;
        boolean allowDecrease = false;
        boolean byNode = false;
        if (nodeId == 0) {
            NodeEntry senderNode = nodes.get(sender);
            if (!clusterIsQuorate && senderNode != null && senderNode.has(NodeFlag.QUORATE)) {
                node.votes = m.votes();
            } else {
                node.votes = Math.max(node.votes, m.votes());
            }
        } else {
            node.flags = m.flags();
            node.votes = m.votes();
            node.state = NodeState.MEMBER;
            if (node.has(NodeFlag.LEAVING)) {
                node.state = NodeState.LEAVING;
                allowDecrease = true;
                byNode = true;
            }
            if (!clusterIsQuorate && node.has(NodeFlag.QUORATE)) {
                allowDecrease = true;
                us.expectedVotes = m.expectedVotes();
            }
            node.expectedVotes = node.has(NodeFlag.QUORATE) || f.evTracking ? m.expectedVotes() : us.expectedVotes;
            if (f.lastManStanding && node.votes > 1) {
                log(Level.WARNING, "Last Man Standing feature is supported only when all"
                        + "cluster nodes votes are set to 1. Disabling LMS.");
                f.lastManStanding = false;
                if (lmsTimerSet) {
                    lmsTimerSet = false;
                    effects.add(new Effect.CancelTimer(TimerKind.LAST_MAN_STANDING));
                }
            }
        }
        if (newNode || nodeId == localNodeId || node.has(NodeFlag.FIRST) || oldVotes != node.votes
                || oldExpected != node.expectedVotes || oldFlags != node.flags || oldState != node.state) {
            recalculateQuorum(allowDecrease, byNode);
        }
        if (f.waitForAll && !node.has(NodeFlag.WFASTATUS) && node.has(NodeFlag.QUORATE)) {
            setWaitForAllStatus(false);
        }
    }

    private void onReconfigure(ReconfigureMessage m) {
        switch (m.param()) {
            case EXPECTED_VOTES -> {
                nodes.setMembersExpected(m.value());
                effects.add(new Effect.ExpectedVotesNotification(us.expectedVotes));
                f.evBarrier = m.value();
                if (f.evTracking) {
                    us.expectedVotes = Math.max(us.expectedVotes, f.evTrackingBarrier);
                }
                recalculateQuorum(true, false);
            }
            case NODE_VOTES -> {
                NodeEntry node = m.nodeId() == 0 ? qdevice : nodes.get(m.nodeId());
                if (node != null) {
                    node.votes = m.value();
                    recalculateQuorum(true, false);
                }
            }
            case CANCEL_WFA -> {
                setWaitForAllStatus(false);
                log(Level.INFO, "wait_for_all_status reset by user on node " + m.nodeId() + ".");
                recalculateQuorum(false, false);
            }
        }
    }

    private void onQdeviceReg(long sender, QdeviceRegMessage m) {
        if (m.operation() == QdeviceOperation.REGISTER) {
            if (sender != localNodeId) {
                if (qdeviceName.isEmpty()) {
                    qdeviceName = m.name();
                }
                return;
            }
            if (us.has(NodeFlag.QDEVICE_REGISTERED)) {
                return; // our sync-time re-announcement, not a registration in progress
            }
            if (!registration.is(DeviceRegistration.PENDING)) {
                // corosync logs this at warning on every sync of a node that knows another node's device name
                // but has none registered itself (it re-announces the name, then meets its own message); debug here
                log(Level.DEBUG, "Unable to determine origin of the qdevice register call!");
                return;
            }
            if (qdeviceName.isEmpty()) {
                qdeviceName = m.name();
            }
            CsError error = CsError.OK;
            if (m.name().equals(qdeviceName)) {
                registration.moveTo(DeviceRegistration.REGISTERED, "own QDEVICE_REG delivered", 0);
                us.set(NodeFlag.QDEVICE_REGISTERED, true);
                sendNodeInfo(0);
                sendNodeInfo(localNodeId);
            } else {
                log(Level.WARNING, "A new qdevice with different name (new: " + m.name() + " old: " + qdeviceName
                        + ") is trying to register!");
                registration.moveTo(DeviceRegistration.UNREGISTERED, "the cluster knows another device", 0);
                error = CsError.ERR_EXIST;
            }
            effects.add(new Effect.RegisterReply(error));
        } else {
            boolean keep = false;
            for (NodeEntry e : nodes.members()) {
                keep |= e.has(NodeFlag.QDEVICE_REGISTERED);
            }
            if (!keep) {
                qdeviceName = "";
            }
        }
    }

    // ------------------------------------------------------------------ timers

    /** A timer the host armed expired. */
    public void timerExpired(TimerKind kind, long nowMs) {
        if (kind == TimerKind.LAST_MAN_STANDING) {
            lmsTimerSet = false;
            if (clusterIsQuorate) {
                recalculateQuorum(true, true);
            }
            return;
        }
        if (!us.has(NodeFlag.QDEVICE_ALIVE) || !qdeviceTimerSet) {
            return;
        }
        us.set(NodeFlag.QDEVICE_ALIVE, false);
        us.set(NodeFlag.QDEVICE_CAST_VOTE, false);
        log(Level.INFO, "lost contact with quorum device " + qdeviceName);
        sendNodeInfo(localNodeId);
        qdeviceTimerSet = false;
        waitingForPoll = false;
    }

    // ------------------------------------------------------------------ library calls (§2.8, §2.9)

    /** {@code votequorum_setexpected}. */
    public CsError setExpected(long expectedVotes) {
        boolean savedDownscale = f.allowDownscale;
        f.allowDownscale = false;
        long[] q = calculateQuorum(true, expectedVotes);
        f.allowDownscale = savedDownscale;
        if (expectedVotes < q[1] || (clusterIsQuorate && q[0] > q[1])) {
            return CsError.ERR_INVALID_PARAM;
        }
        nodes.setMembersExpected(expectedVotes);
        multicast(new ReconfigureMessage(localNodeId, expectedVotes, ReconfigureParam.EXPECTED_VOTES));
        return CsError.OK;
    }

    /** {@code votequorum_setvotes}. As in corosync, an accepted value is kept locally before it comes back. */
    public CsError setVotes(long nodeId, long votes) {
        NodeEntry node = nodeId == 0 ? qdevice : nodes.get(nodeId);
        if (node == null) {
            return CsError.ERR_NAME_NOT_FOUND;
        }
        long saved = node.votes;
        node.votes = votes;
        long[] q = calculateQuorum(true, 0);
        if (q[0] < q[1] / 2 || q[0] > q[1]) {
            node.votes = saved;
            return CsError.ERR_INVALID_PARAM;
        }
        multicast(new ReconfigureMessage(nodeId, votes, ReconfigureParam.NODE_VOTES));
        return CsError.OK;
    }

    /**
     * {@code votequorum_qdevice_register}. Empty when the registration was sent: the answer then comes as an
     * {@link Effect.RegisterReply} once the QDEVICE_REG is delivered back.
     */
    public Optional<CsError> qdeviceRegister(String name) {
        Objects.requireNonNull(name, "name");
        if (!f.qdeviceCanOperate) {
            log(Level.INFO, "Registration of quorum device is disabled by incorrect corosync.conf. "
                    + "See logs for more information");
            return Optional.of(CsError.ERR_ACCESS);
        }
        if (us.has(NodeFlag.QDEVICE_REGISTERED)) {
            if (name.equals(qdeviceName)) {
                return Optional.of(CsError.OK);
            }
            log(Level.WARNING, "A new qdevice with different name (new: " + name + " old: " + qdeviceName
                    + ") is trying to re-register!");
            return Optional.of(CsError.ERR_EXIST);
        }
        if (registration.is(DeviceRegistration.PENDING)) {
            log(Level.WARNING, "Registration request already in progress");
            return Optional.of(CsError.ERR_TRY_AGAIN);
        }
        registration.moveTo(DeviceRegistration.PENDING, "register " + name, 0);
        multicast(new QdeviceRegMessage(QdeviceOperation.REGISTER, name));
        return Optional.empty();
    }

    /** The host could not multicast the pending registration: corosync answers TRY_AGAIN and forgets it. */
    public void registrationNotSent() {
        if (registration.is(DeviceRegistration.PENDING)) {
            registration.moveTo(DeviceRegistration.UNREGISTERED, "QDEVICE_REG not sent", 0);
        }
    }

    /** {@code votequorum_qdevice_unregister}. */
    public CsError qdeviceUnregister(String name) {
        if (!us.has(NodeFlag.QDEVICE_REGISTERED)) {
            return CsError.ERR_NOT_EXIST;
        }
        if (!name.equals(qdeviceName)) {
            return CsError.ERR_INVALID_PARAM;
        }
        if (qdeviceTimerSet) {
            qdeviceTimerSet = false;
            waitingForPoll = false;
            effects.add(new Effect.CancelTimer(TimerKind.QDEVICE));
        }
        registration.moveTo(DeviceRegistration.UNREGISTERED, "unregister " + name, 0);
        us.set(NodeFlag.QDEVICE_REGISTERED, false);
        us.set(NodeFlag.QDEVICE_ALIVE, false);
        us.set(NodeFlag.QDEVICE_CAST_VOTE, false);
        us.set(NodeFlag.QDEVICE_MASTER_WINS, false);
        sendNodeInfo(localNodeId);
        multicast(new QdeviceRegMessage(QdeviceOperation.UNREGISTER, name));
        return CsError.OK;
    }

    /** {@code votequorum_qdevice_poll}: the device is alive and casts its vote or not, quoting the ring it knows. */
    public CsError qdevicePoll(String name, boolean castVote, RingId ringId, long nowMs) {
        if (!f.qdeviceCanOperate) {
            return CsError.ERR_ACCESS;
        }
        if (!us.has(NodeFlag.QDEVICE_REGISTERED)) {
            return CsError.ERR_NOT_EXIST;
        }
        if (!ringId.equals(quorumRingId)) {
            log(Level.DEBUG, "Received poll ring id (" + ringId + ") != last sync ring id (" + quorumRingId
                    + "). Ignoring poll call.");
            return CsError.ERR_MESSAGE_ERROR;
        }
        if (!name.equals(qdeviceName)) {
            return CsError.ERR_INVALID_PARAM;
        }
        int oldFlags = us.flags;
        us.set(NodeFlag.QDEVICE_ALIVE, true);
        us.set(NodeFlag.QDEVICE_CAST_VOTE, castVote);
        if (us.flags != oldFlags) {
            sendNodeInfo(localNodeId);
        }
        qdeviceTimerSet = true;
        waitingForPoll = false;
        effects.add(new Effect.ArmTimer(TimerKind.QDEVICE, f.qdeviceTimeoutMs, nowMs + f.qdeviceTimeoutMs));
        return CsError.OK;
    }

    /** {@code votequorum_qdevice_master_wins}. */
    public CsError qdeviceMasterWins(String name, boolean allow) {
        int oldFlags = us.flags;
        if (!f.qdeviceCanOperate) {
            return CsError.ERR_ACCESS;
        }
        if (!us.has(NodeFlag.QDEVICE_REGISTERED)) {
            return CsError.ERR_NOT_EXIST;
        }
        if (!name.equals(qdeviceName)) {
            return CsError.ERR_INVALID_PARAM;
        }
        us.set(NodeFlag.QDEVICE_MASTER_WINS, allow);
        if (us.flags != oldFlags) {
            sendNodeInfo(localNodeId);
        }
        qdeviceMasterWins = allow;
        return CsError.OK;
    }

    /** {@code votequorum_qdevice_update}: renames the registered device cluster-wide. */
    public CsError qdeviceUpdate(String oldName, String newName) {
        if (!us.has(NodeFlag.QDEVICE_REGISTERED)) {
            return CsError.ERR_NOT_EXIST;
        }
        if (!oldName.equals(qdeviceName)) {
            return CsError.ERR_INVALID_PARAM;
        }
        multicast(new QdeviceReconfigureMessage(oldName, newName));
        return CsError.OK;
    }

    /** {@code votequorum_getinfo}; node id 0 means the local node; empty for a node votequorum never heard of. */
    public Optional<VotequorumInfo> getInfo(long nodeId) {
        NodeEntry node = nodeId == 0 || nodeId == localNodeId ? us : nodes.get(nodeId);
        if (node == null) {
            return Optional.empty();
        }
        long total = nodes.memberVotes();
        if (node.has(NodeFlag.QDEVICE_CAST_VOTE)) {
            total += qdevice.votes;
        }
        int flags = 0;
        flags |= f.twoNode ? InfoFlag.TWONODE.bit() : 0;
        flags |= clusterIsQuorate ? InfoFlag.QUORATE.bit() : 0;
        flags |= f.waitForAll ? InfoFlag.WAIT_FOR_ALL.bit() : 0;
        flags |= f.lastManStanding ? InfoFlag.LAST_MAN_STANDING.bit() : 0;
        flags |= f.autoTieBreaker.enabled() ? InfoFlag.AUTO_TIE_BREAKER.bit() : 0;
        flags |= f.allowDownscale ? InfoFlag.ALLOW_DOWNSCALE.bit() : 0;
        flags |= node.has(NodeFlag.QDEVICE_REGISTERED) ? InfoFlag.QDEVICE_REGISTERED.bit() : 0;
        flags |= node.has(NodeFlag.QDEVICE_ALIVE) ? InfoFlag.QDEVICE_ALIVE.bit() : 0;
        flags |= node.has(NodeFlag.QDEVICE_CAST_VOTE) ? InfoFlag.QDEVICE_CAST_VOTE.bit() : 0;
        flags |= node.has(NodeFlag.QDEVICE_MASTER_WINS) ? InfoFlag.QDEVICE_MASTER_WINS.bit() : 0;
        return Optional.of(new VotequorumInfo(node.nodeId, node.state, node.votes, node.expectedVotes,
                nodes.highestExpected(), total, quorum, flags, qdevice.votes, qdeviceName));
    }

    /** What {@code trackstart} with CS_TRACK_CURRENT sends first: the node list of the last sync. */
    public Effect.NodeListNotification currentNodeList() {
        return new Effect.NodeListNotification(quorumRingId, quorumMembers);
    }

    /** The quorum notification as tracking clients get it now. */
    public Effect.QuorumNotification quorumNotification() {
        List<Effect.NodeStatus> list = new ArrayList<>();
        for (NodeEntry e : nodes.all()) {
            list.add(new Effect.NodeStatus(e.nodeId, e.state));
        }
        if (us.has(NodeFlag.QDEVICE_REGISTERED)) {
            list.add(new Effect.NodeStatus(0, qdevice.state));
        }
        return new Effect.QuorumNotification(clusterIsQuorate, list);
    }

    // ------------------------------------------------------------------ state, read-only

    public long localNodeId() {
        return localNodeId;
    }

    public boolean quorate() {
        return clusterIsQuorate;
    }

    public long quorum() {
        return quorum;
    }

    public List<Long> members() {
        return quorumMembers;
    }

    public RingId ringId() {
        return quorumRingId;
    }

    public boolean syncInProgress() {
        return !sync.is(SyncPhase.IDLE);
    }

    public boolean waitForAllStatus() {
        return waitForAllStatus;
    }

    public String qdeviceName() {
        return qdeviceName;
    }

    public long qdeviceTimeoutMs() {
        return f.qdeviceTimeoutMs;
    }

    public boolean qdeviceCanOperate() {
        return f.qdeviceCanOperate;
    }

    /** The node flags of {@code nodeId} as last announced, or of this node now; -1 when unknown. */
    public int nodeFlags(long nodeId) {
        NodeEntry e = nodeId == 0 ? qdevice : nodes.get(nodeId);
        return e == null ? -1 : e.flags;
    }

    public Map<String, String> cmap() {
        return cmap;
    }

    // ------------------------------------------------------------------ helpers

    private void sendNodeInfo(long nodeId) {
        NodeEntry node = nodeId == 0 ? qdevice : nodes.get(nodeId);
        multicast(new NodeInfoMessage(nodeId, node.votes, node.expectedVotes, node.flags));
    }

    private void multicast(VqMessage m) {
        effects.add(new Effect.Multicast(m));
    }

    private void log(Level level, String text) {
        effects.add(new Effect.Log(level, text));
    }
}
