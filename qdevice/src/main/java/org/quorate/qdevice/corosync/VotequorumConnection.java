package org.quorate.qdevice.corosync;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.NodeStatus;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.qdevice.backend.QuorumNotification;
import org.quorate.qdevice.backend.VotequorumFlag;
import org.quorate.qdevice.backend.VotequorumInfo;

/**
 * One votequorum IPC connection. The native callbacks copy what they are given into Java records
 * at once (the arrays live only for the duration of the call) and hand them to {@link Events}.
 * Calls, dispatch and finalize go one at a time through {@link SerialCalls}.
 */
final class VotequorumConnection implements AutoCloseable {
    /** Receives the decoded notifications on the dispatching thread. */
    interface Events {
        void nodeList(NodeListNotification n);

        void quorum(QuorumNotification n);

        void expectedVotes(int expectedVotes);
    }

    private final VotequorumLibrary lib;
    private final long handle;
    /** Kept reachable: the native side holds only raw pointers to the callbacks. */
    private final VotequorumLibrary.Callbacks callbacks;
    private final SerialCalls calls = new SerialCalls();
    private boolean tracking;

    private VotequorumConnection(VotequorumLibrary lib, long handle, VotequorumLibrary.Callbacks callbacks) {
        this.lib = lib;
        this.handle = handle;
        this.callbacks = callbacks;
    }

    static VotequorumConnection open(VotequorumLibrary lib, TryAgain tryAgain, Events events) {
        VotequorumLibrary.Callbacks cb = new VotequorumLibrary.Callbacks();
        cb.quorum_notify = (h, ctx, quorate, entries, nodes) -> events.quorum(quorum(quorate, entries, nodes));
        cb.expectedvotes_notify = (h, ctx, expected) -> events.expectedVotes(expected);
        cb.nodelist_notify = (h, ctx, ring, entries, nodes) -> events.nodeList(nodeList(ring, entries, nodes));
        cb.write();
        LongByReference h = new LongByReference();
        tryAgain.run("votequorum_initialize", () -> lib.votequorum_initialize(h, cb));
        return new VotequorumConnection(lib, h.getValue(), cb);
    }

    int fd() {
        IntByReference fd = new IntByReference();
        calls.check(() -> lib.votequorum_fd_get(handle, fd), "votequorum_fd_get");
        return fd.getValue();
    }

    void trackStart() {
        calls.check(() -> lib.votequorum_trackstart(handle, 0, VotequorumLibrary.CS_TRACK_CHANGES), "votequorum_trackstart");
        tracking = true;
    }

    VotequorumInfo info(long nodeId) {
        VotequorumLibrary.Info info = new VotequorumLibrary.Info();
        calls.check(() -> lib.votequorum_getinfo(handle, (int) nodeId, info), "votequorum_getinfo(" + nodeId + ")");
        info.read();
        NodeState state = NodeState.fromCode(info.node_state);
        return new VotequorumInfo(Integer.toUnsignedLong(info.node_id), state == null ? NodeState.NOT_SET : state,
                info.node_votes, info.node_expected_votes, info.highest_expected, info.total_votes, info.quorum,
                VotequorumFlag.fromBits(info.flags), info.qdevice_votes,
                Native.toString(info.qdevice_name, StandardCharsets.UTF_8.name()));
    }

    void register(String name) {
        calls.check(() -> lib.votequorum_qdevice_register(handle, name), "votequorum_qdevice_register(" + name + ")");
    }

    void unregister(String name) {
        calls.check(() -> lib.votequorum_qdevice_unregister(handle, name), "votequorum_qdevice_unregister(" + name + ")");
    }

    void rename(String oldName, String newName) {
        calls.check(() -> lib.votequorum_qdevice_update(handle, oldName, newName),
                "votequorum_qdevice_update(" + oldName + " -> " + newName + ")");
    }

    void masterWins(String name, boolean allow) {
        calls.check(() -> lib.votequorum_qdevice_master_wins(handle, name, allow ? 1 : 0),
                "votequorum_qdevice_master_wins(" + name + ", " + allow + ")");
    }

    PollResult poll(String name, boolean castVote, RingId ring) {
        VotequorumLibrary.RingIdValue r = new VotequorumLibrary.RingIdValue(ring.nodeId(), ring.seq());
        CsError rc = calls.code(() -> lib.votequorum_qdevice_poll(handle, name, castVote ? 1 : 0, r));
        return switch (rc) {
            case OK -> PollResult.ACCEPTED;
            case MESSAGE_ERROR -> PollResult.STALE_RING_ID;
            case TRY_AGAIN -> PollResult.TRY_AGAIN;
            default -> throw new QuorumBackendException(
                    "votequorum_qdevice_poll(" + name + ", " + castVote + ", " + ring + ")", rc);
        };
    }

    CsError dispatch(int flags) {
        return calls.code(() -> lib.votequorum_dispatch(handle, flags));
    }

    @Override
    public void close() {
        calls.closeOnce(() -> {
            if (tracking) {
                lib.votequorum_trackstop(handle);
            }
            lib.votequorum_finalize(handle);
        });
    }

    private static QuorumNotification quorum(int quorate, int entries, Pointer nodes) {
        List<NodeStatus> list = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            long id = Integer.toUnsignedLong(nodes.getInt(i * 8L));
            NodeState s = NodeState.fromCode(nodes.getInt(i * 8L + 4));
            list.add(new NodeStatus(id, s == null ? NodeState.NOT_SET : s));
        }
        return new QuorumNotification(quorate != 0, list);
    }

    private static NodeListNotification nodeList(VotequorumLibrary.RingIdValue ring, int entries, Pointer nodes) {
        List<Long> ids = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            ids.add(Integer.toUnsignedLong(nodes.getInt(i * 4L)));
        }
        return new NodeListNotification(new RingId(Integer.toUnsignedLong(ring.nodeid), ring.seq), ids);
    }
}
