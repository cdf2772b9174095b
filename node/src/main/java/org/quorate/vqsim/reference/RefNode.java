package org.quorate.vqsim.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One node of the reference model: §2.3-2.4 of the node-and-link spec (quorum formula, flags) and the
 * parts of §2.2/2.5-2.8 that decide the numbers (configuration, NODEINFO adoption, sync, last man standing,
 * runtime expected/votes, the device flags). Written straight from corosync's exec/votequorum.c, apart
 * from org.quorate.votequorum, and kept small: no trackers, no names, no extra info.
 */
final class RefNode {
    // node flags as carried in NODEINFO
    static final int QUORATE = 1, LEAVING = 2, WFASTATUS = 4, FIRST = 8,
            QD_REGISTERED = 16, QD_ALIVE = 32, QD_CAST = 64, QD_MASTER_WINS = 128;

    enum State { MEMBER, DEAD, LEAVING }

    static final class Entry {
        State state = State.DEAD;
        long votes;
        long expected;
        int flags;
    }

    final long id;
    private final Consumer<RefMessage> multicast;
    /** The ev_tracking barrier: the file's value at start-up, then grown in memory only (3.1.7 never rewrites it). */
    private long evBarrierTracked;
    private final Map<Long, Entry> table = new TreeMap<>();
    private final Entry us = new Entry();
    private long deviceVotes;

    long quorum;
    boolean quorate;
    private boolean twoNode, wfa, wfaAutoset, wfaStatus, lms, allowDownscale, evTracking, canOperate = true;
    private long lmsWindowMs, deviceTimeoutMs = 10_000, deviceSyncTimeoutMs = 30_000, evBarrier;
    private RefConfig.Atb atb = RefConfig.Atb.NONE, atbInitial = RefConfig.Atb.NONE;
    private List<Long> atbList = List.of();
    private long lowest = -1, highest = -1;
    private List<Long> members = List.of(), previous = List.of();

    /** Deadlines in virtual nanoseconds, or -1. */
    long lmsDeadline = -1, deviceDeadline = -1;
    boolean devicePolling;
    private boolean registering, pendingCast;
    private long lastNow;
    /** A ring was installed whose syncActivate has not run yet (a device holds the sync). */
    boolean activationPending;
    private boolean holdingSync;

    /**
     * Starts the node (votequorum_exec_init_fn). {@code evTrackingStore} is the ev_tracking file, one cell
     * that survives restarts; 3.1.7 only ever writes it when creating it (with 0), so it is only read here.
     */
    RefNode(long id, RefConfig config, long[] evTrackingStore, Consumer<RefMessage> multicast) {
        this.id = id;
        this.multicast = multicast;
        this.evBarrierTracked = evTrackingStore[0];
        table.put(id, us);
        us.state = State.MEMBER;
        us.votes = 1;
        us.flags |= FIRST;
        readConfig(config, false);
        recalculate(false, false);
    }

    // ---- configuration (§2.2) ----

    void readConfig(RefConfig c, boolean runtime) {
        long cfgExpected = c.expectedVotes();
        if (runtime) {
            twoNode = false;
            atb = atbInitial;
        }
        boolean haveNodelist = c.nodeVotes().containsKey(id);
        long nlSum = c.nodelistVotes();
        long nlCount = c.nodeVotes().size();
        long qdVotes = c.device() ? c.deviceVotes() : -1;
        if (c.device()) {
            deviceTimeoutMs = c.deviceTimeoutMs();
            deviceSyncTimeoutMs = c.deviceSyncTimeoutMs();
            canOperate = true;
        }
        twoNode = c.twoNode();
        if (!haveNodelist && cfgExpected == 0) {
            if (!runtime) {
                throw new IllegalArgumentException("configuration error: nodelist or quorum.expected_votes must be configured!");
            }
            return;
        }
        if (twoNode && c.device()) {
            if (!runtime) {
                throw new IllegalArgumentException("configuration error: two_node and quorum device cannot be configured at the same time!");
            }
            if ((us.flags & QD_REGISTERED) != 0) {
                twoNode = false;
            } else {
                canOperate = false;
            }
        }
        if (!runtime) {
            allowDownscale = c.allowDownscale();
            wfaAutoset = c.wfa() == null;
            wfa = c.wfa() != null && c.wfa();
            lms = c.lms();
            lmsWindowMs = c.lmsWindowMs();
            evTracking = c.evTracking() || allowDownscale;
            atb = c.atb();
            atbList = c.atbNodes();
            atbInitial = atb;
        }
        if (wfaAutoset) {
            wfa = twoNode;
        }
        if (twoNode && atb != RefConfig.Atb.NONE) {
            twoNode = false;
        }
        if (atb != RefConfig.Atb.NONE && nlSum % 2 == 1 && !wfa) {
            if (lms) {
                if (!runtime) {
                    throw new IllegalArgumentException("configuration error: auto_tie_breaker & last_man_standing not available in odd sized cluster");
                }
                return;
            }
            atb = RefConfig.Atb.NONE;
        }
        if (c.device()) {
            String error = null;
            if (lms) {
                error = "quorum.device is not compatible with last_man_standing";
            } else if (atb != RefConfig.Atb.NONE) {
                error = "quorum.device is not compatible with auto_tie_breaker";
            } else if (allowDownscale) {
                error = "quorum.device is not compatible with allow_downscale";
            } else if (cfgExpected != 0 && qdVotes == -1) {
                error = "quorum.device.votes must be specified when quorum.expected_votes is set";
            } else if (qdVotes == -1 && haveNodelist && nlCount != nlSum) {
                error = "quorum.device.votes must be specified when not all nodes votes 1";
            } else if (qdVotes > 0 && cfgExpected != 0 && cfgExpected - qdVotes < 2) {
                error = "quorum.device.votes is too high or expected_votes is too low";
            }
            if (error != null) {
                if (!runtime) {
                    throw new IllegalArgumentException("configuration error: " + error);
                }
                canOperate = false;
            }
        }
        if (c.device() && qdVotes == -1 && cfgExpected == 0 && haveNodelist && nlCount == nlSum) {
            qdVotes = nlSum - 1;
            nlSum += qdVotes;
        }
        if (evTracking) {
            cfgExpected = evBarrierTracked;
        }
        if (haveNodelist) {
            us.votes = c.nodeVotes().get(id);
            us.expected = nlSum;
        } else {
            us.votes = c.legacyVotes();
        }
        if (cfgExpected != 0) {
            us.expected = cfgExpected;
        }
        if (!c.device()) {
            deviceVotes = 0;
        }
        if (qdVotes != -1) {
            deviceVotes = qdVotes;
        }
        evBarrier = us.expected;
        if (wfa) {
            if (!runtime) {
                setWfaStatus(true);
            }
        } else if (wfaAutoset && wfaStatus) {
            setWfaStatus(false);
        }
    }

    /** Runtime reload (votequorum_refresh_config): re-read, then announce. */
    void reload(RefConfig c) {
        long oldVotes = us.votes;
        long oldExpected = us.expected;
        readConfig(c, true);
        sendNodeInfo();
        sendDeviceInfo();
        if (us.votes != oldVotes) {
            multicast.accept(new RefMessage.Reconfigure(id, id, us.votes, RefMessage.Reconfigure.NODE_VOTES));
        }
        if (us.expected != oldExpected) {
            multicast.accept(new RefMessage.Reconfigure(id, id, us.expected, RefMessage.Reconfigure.EXPECTED));
        }
    }

    // ---- the quorum formula (§2.3) ----

    private record Calc(long quorum, long totalVotes) {}

    private Calc calculate(boolean allowDecrease, long maxExpected) {
        if (allowDownscale && allowDecrease && maxExpected != 0) {
            maxExpected = Math.max(evBarrier, maxExpected);
        }
        long highestExpected = 0, total = 0, nodes = 0;
        for (Entry e : table.values()) {
            if (e.state == State.MEMBER) {
                highestExpected = Math.max(highestExpected, e.expected);
                total += e.votes;
                nodes++;
            }
        }
        if ((us.flags & QD_CAST) != 0) {
            total += deviceVotes;
            nodes++;
        }
        if (maxExpected > 0) {
            highestExpected = maxExpected;
        }
        long q = Math.max((highestExpected + 2) / 2, (total + 2) / 2);
        if (!allowDecrease) {
            q = Math.max(quorum, q);
        }
        if (twoNode && nodes <= 2) {
            q = 1;
        }
        return new Calc(q & 0xFF, total); // corosync keeps quorum in a uint8_t
    }

    void recalculate(boolean allowDecrease, boolean byCurrentNodes) {
        long present = 0, count = 0;
        for (Entry e : table.values()) {
            if (e.state == State.MEMBER) {
                present += e.votes;
                count++;
            }
        }
        if (deviceVotes != 0) {
            present += deviceVotes;
            count++;
        }
        if (!byCurrentNodes) {
            count = 0;
        }
        if (present > us.expected) {
            us.expected = present;
        }
        if (evTracking && us.expected > evBarrierTracked) {
            evBarrierTracked = us.expected; // corosync 3.1.7 never gets it to disk: the file keeps its first value
        }
        Calc calc = calculate(allowDecrease, count);
        quorum = calc.quorum();
        setMembersExpected(count);
        areWeQuorate(calc.totalVotes());
    }

    private void setMembersExpected(long expected) {
        if (expected != 0) {
            table.values().stream().filter(e -> e.state == State.MEMBER).forEach(e -> e.expected = expected);
        }
    }

    private void areWeQuorate(long total) {
        if (wfa && wfaStatus) {
            if (total != us.expected) {
                return;
            }
            setWfaStatus(false);
        }
        boolean q = quorum <= total;
        if (q) {
            lowest = table.entrySet().stream().filter(e -> e.getValue().state == State.MEMBER)
                    .mapToLong(Map.Entry::getKey).min().orElse(id);
            highest = table.entrySet().stream().filter(e -> e.getValue().state == State.MEMBER)
                    .mapToLong(Map.Entry::getKey).max().orElse(id);
        }
        if (atb != RefConfig.Atb.NONE && total == us.expected / 2
                && previous.size() - members.size() < quorum && tieBreakerAllows()) {
            q = true;
        }
        quorate = q;
        us.flags = q ? us.flags | QUORATE : us.flags & ~QUORATE;
        if (wfa) {
            setWfaStatus(!q);
        }
    }

    private boolean tieBreakerAllows() {
        switch (atb) {
            case LOWEST: return isMember(lowest);
            case HIGHEST: return isMember(highest);
            default:
                for (int i = 0; i < atbList.size(); i++) {
                    if (members.contains(atbList.get(i))) {
                        for (int j = 0; j < i; j++) {
                            if (previous.contains(atbList.get(j))) {
                                return false;
                            }
                        }
                        return true;
                    }
                }
                return false;
        }
    }

    private boolean isMember(long nodeId) {
        Entry e = table.get(nodeId);
        return e != null && e.state == State.MEMBER;
    }

    private void setWfaStatus(boolean on) {
        wfaStatus = on;
        us.flags = on ? us.flags | WFASTATUS : us.flags & ~WFASTATUS;
    }

    // ---- messages (§2.5) ----

    void sendNodeInfo() {
        multicast.accept(new RefMessage.NodeInfo(id, id, us.votes, us.expected, us.flags));
    }

    void sendDeviceInfo() {
        multicast.accept(new RefMessage.NodeInfo(id, 0, deviceVotes, 0, 0));
    }

    void deliver(RefMessage m) {
        if (m instanceof RefMessage.NodeInfo ni) {
            onNodeInfo(ni);
        } else if (m instanceof RefMessage.Reconfigure rc) {
            onReconfigure(rc);
        } else if (m instanceof RefMessage.QdeviceRegister r && r.sender() == id && registering) {
            // our own QDEVICE_REG echo: registered; the device, told so, polls at once
            registering = false;
            us.flags |= QD_REGISTERED;
            sendDeviceInfo();
            sendNodeInfo();
            if (devicePolling) {
                poll(pendingCast, lastNow);
            }
        }
    }

    private void onNodeInfo(RefMessage.NodeInfo m) {
        if (m.nodeId() == 0) {
            long old = deviceVotes;
            Entry sender = table.get(m.sender());
            if (!quorate && sender != null && (sender.flags & QUORATE) != 0) {
                deviceVotes = m.votes();
            } else {
                deviceVotes = Math.max(deviceVotes, m.votes());
            }
            // the pseudo node is never new and has no flags: only a vote change recalculates
            if (old != deviceVotes) {
                recalculate(false, false);
            }
            return;
        }
        Entry node = table.get(m.nodeId());
        boolean isNew = node == null;
        if (isNew) {
            node = new Entry();
            table.put(m.nodeId(), node);
        }
        long oldVotes = node.votes, oldExpected = node.expected;
        int oldFlags = node.flags;
        State oldState = node.state;
        node.flags = m.flags();
        node.votes = m.votes();
        node.state = State.MEMBER;
        boolean allowDecrease = false, byNode = false;
        if ((node.flags & LEAVING) != 0) {
            node.state = State.LEAVING;
            allowDecrease = true;
            byNode = true;
        }
        if (!quorate && (node.flags & QUORATE) != 0) {
            allowDecrease = true;
            us.expected = m.expected();
        }
        node.expected = ((node.flags & QUORATE) != 0 || evTracking) ? m.expected() : us.expected;
        if (lms && node.votes > 1) {
            lms = false;
            lmsDeadline = -1;
        }
        if (isNew || m.nodeId() == id || (node.flags & FIRST) != 0 || oldVotes != node.votes
                || oldExpected != node.expected || oldFlags != node.flags || oldState != node.state) {
            recalculate(allowDecrease, byNode);
        }
        if (wfa && (node.flags & WFASTATUS) == 0 && (node.flags & QUORATE) != 0) {
            setWfaStatus(false);
        }
    }

    private void onReconfigure(RefMessage.Reconfigure m) {
        if (m.param() == RefMessage.Reconfigure.EXPECTED) {
            setMembersExpected(m.value());
            evBarrier = m.value();
            if (evTracking) {
                us.expected = Math.max(us.expected, evBarrierTracked);
            }
            recalculate(true, false);
        } else if (m.param() == RefMessage.Reconfigure.NODE_VOTES) {
            Entry node = table.get(m.nodeId());
            if (node != null) {
                node.votes = m.value();
                recalculate(true, false);
            }
        }
    }

    // ---- sync (§2.6) and last man standing (§2.7) ----

    /** votequorum_sync_init; returns whether this node holds the sync for its device's poll. */
    boolean syncInit(List<Long> newMembers, long nowNanos) {
        if (newMembers.size() > 1) {
            us.flags &= ~FIRST;
        }
        boolean left = false;
        for (long old : members) {
            if (!newMembers.contains(old)) {
                left = true;
                Entry e = table.get(old);
                if (e != null) {
                    e.state = State.DEAD;
                }
            }
        }
        if (lms && ((newMembers.size() >= quorum && left)
                || (newMembers.size() <= quorum && atb != RefConfig.Atb.NONE && isMember(lowest)))) {
            lmsDeadline = nowNanos + lmsWindowMs * 1_000_000L;
        }
        previous = members;
        members = List.copyOf(newMembers);
        if ((us.flags & QD_REGISTERED) != 0 && (us.flags & QD_ALIVE) != 0) {
            if (devicePolling) {
                return false; // a polling device answers the node-list notification at once
            }
            deviceDeadline = nowNanos + deviceSyncTimeoutMs * 1_000_000L;
            holdingSync = true;
            return true;
        }
        return false;
    }

    /** votequorum_sync_process's messages. */
    /** Whether this node's sync still waits for its device (set at sync, cleared by a poll or the timer). */
    boolean holdsSync() {
        return holdingSync;
    }

    void syncSend() {
        sendNodeInfo();
        sendDeviceInfo();
    }

    void syncActivate() {
        recalculate(false, false);
    }

    void lmsTimer() {
        lmsDeadline = -1;
        if (quorate) {
            recalculate(true, true);
        }
    }

    // ---- the device API (§2.9) as vqsim's qdevice command drives it ----

    void deviceOn(long nowNanos) {
        if (!canOperate) {
            return;
        }
        devicePolling = true;
        if ((us.flags & QD_REGISTERED) == 0) {
            pendingCast = true;
            lastNow = nowNanos;
            if (!registering) {
                registering = true;
                multicast.accept(new RefMessage.QdeviceRegister(id));
            }
            return;
        }
        poll(true, nowNanos);
    }

    void deviceOff(long nowNanos) {
        if (registering) {
            devicePolling = false;
        }
        if (!canOperate || (us.flags & QD_REGISTERED) == 0) {
            return;
        }
        devicePolling = false;
        poll(false, nowNanos);
    }

    void devicePolls(boolean cast, long nowNanos) {
        if (!canOperate) {
            return;
        }
        if ((us.flags & QD_REGISTERED) == 0) {
            devicePolling = registering;
            pendingCast = cast;
            return;
        }
        devicePolling = true;
        poll(cast, nowNanos);
    }

    private void poll(boolean cast, long nowNanos) {
        holdingSync = false;
        int old = us.flags;
        us.flags |= QD_ALIVE;
        us.flags = cast ? us.flags | QD_CAST : us.flags & ~QD_CAST;
        if (us.flags != old) {
            sendNodeInfo();
        }
        deviceDeadline = devicePolling ? -1 : nowNanos + deviceTimeoutMs * 1_000_000L;
    }

    void deviceTimer() {
        deviceDeadline = -1;
        holdingSync = false;
        if ((us.flags & QD_ALIVE) == 0) {
            return;
        }
        us.flags &= ~(QD_ALIVE | QD_CAST);
        sendNodeInfo();
    }

    // ---- runtime changes (§2.8) ----

    /** corosync-quorumtool -e on this node: null or the refusal. */
    String setExpected(long n) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            return "New expected votes value was not valid, try a positive number";
        }
        boolean saved = allowDownscale;
        allowDownscale = false;
        Calc c = calculate(true, n);
        allowDownscale = saved;
        if (n < c.totalVotes() || (quorate && c.quorum() > c.totalVotes())) {
            return "Unable to set expected votes: CS_ERR_INVALID_PARAM";
        }
        setMembersExpected(n);
        multicast.accept(new RefMessage.Reconfigure(id, id, n, RefMessage.Reconfigure.EXPECTED));
        return null;
    }

    /** corosync-quorumtool -v V -n target on this node: null or the refusal. */
    String setVotes(long target, long votes) {
        if (votes < 0 || votes > Integer.MAX_VALUE) {
            return "New votes value was not valid, try a positive number or zero";
        }
        Entry node = table.get(target);
        if (node == null) {
            return "Unable to set votes " + votes + " for nodeid: " + target + ": CS_ERR_NAME_NOT_FOUND";
        }
        long saved = node.votes;
        node.votes = votes;
        Calc c = calculate(true, 0);
        if (c.quorum() < c.totalVotes() / 2 || c.quorum() > c.totalVotes()) {
            node.votes = saved;
            return "Unable to set votes " + votes + " for nodeid: " + target + ": CS_ERR_INVALID_PARAM";
        }
        multicast.accept(new RefMessage.Reconfigure(id, target, votes, RefMessage.Reconfigure.NODE_VOTES));
        return null;
    }

    // ---- what getinfo reports (§2.4) ----

    long expected() {
        return us.expected;
    }

    long highestExpected() {
        return table.values().stream().filter(e -> e.state == State.MEMBER).mapToLong(e -> e.expected).max().orElse(0);
    }

    long totalVotes() {
        long t = table.values().stream().filter(e -> e.state == State.MEMBER).mapToLong(e -> e.votes).sum();
        return (us.flags & QD_CAST) != 0 ? t + deviceVotes : t;
    }

    int infoFlags() {
        int f = 0;
        f |= twoNode ? 1 : 0;
        f |= quorate ? 2 : 0;
        f |= wfa ? 4 : 0;
        f |= lms ? 8 : 0;
        f |= atb != RefConfig.Atb.NONE ? 16 : 0;
        f |= allowDownscale ? 32 : 0;
        f |= (us.flags & QD_REGISTERED) != 0 ? 64 : 0;
        f |= (us.flags & QD_ALIVE) != 0 ? 128 : 0;
        f |= (us.flags & QD_CAST) != 0 ? 256 : 0;
        f |= (us.flags & QD_MASTER_WINS) != 0 ? 512 : 0;
        return f;
    }

    List<Long> members() {
        return new ArrayList<>(members);
    }

    boolean waitingForAll() {
        return wfa && wfaStatus;
    }

    boolean wfaConfigured() {
        return wfa;
    }
}
