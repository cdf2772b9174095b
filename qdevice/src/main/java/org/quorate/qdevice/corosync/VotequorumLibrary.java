package org.quorate.qdevice.corosync;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * JNA binding of corosync's {@code libvotequorum.so.8} (votequorum.h, corosync 3.x). Every
 * function returns a {@code cs_error_t}; handles are {@code uint64_t}, node ids {@code uint32_t}
 * passed as Java ints.
 */
interface VotequorumLibrary extends Library {
    int CS_TRACK_CHANGES = 0x02;
    int QDEVICE_MAX_NAME_LEN = 255;

    int votequorum_initialize(LongByReference handle, Callbacks callbacks);

    int votequorum_finalize(long handle);

    int votequorum_fd_get(long handle, IntByReference fd);

    int votequorum_dispatch(long handle, int dispatchTypes);

    int votequorum_getinfo(long handle, int nodeId, Info info);

    int votequorum_trackstart(long handle, long context, int flags);

    int votequorum_trackstop(long handle);

    int votequorum_qdevice_register(long handle, String name);

    int votequorum_qdevice_unregister(long handle, String name);

    int votequorum_qdevice_update(long handle, String oldName, String newName);

    int votequorum_qdevice_poll(long handle, String name, int castVote, RingIdValue ringId);

    int votequorum_qdevice_master_wins(long handle, String name, int allow);

    /** {@code votequorum_ring_id_t}: {uint32_t nodeid; uint64_t seq}, passed by value. */
    @Structure.FieldOrder({"nodeid", "seq"})
    class RingIdValue extends Structure implements Structure.ByValue {
        public int nodeid;
        public long seq;

        public RingIdValue() {
        }

        RingIdValue(long nodeId, long seq) {
            this.nodeid = (int) nodeId;
            this.seq = seq;
        }
    }

    /** {@code struct votequorum_info}. */
    @Structure.FieldOrder({"node_id", "node_state", "node_votes", "node_expected_votes", "highest_expected",
            "total_votes", "quorum", "flags", "qdevice_votes", "qdevice_name"})
    class Info extends Structure {
        public int node_id;
        public int node_state;
        public int node_votes;
        public int node_expected_votes;
        public int highest_expected;
        public int total_votes;
        public int quorum;
        public int flags;
        public int qdevice_votes;
        public byte[] qdevice_name = new byte[QDEVICE_MAX_NAME_LEN];
    }

    /** {@code votequorum_quorum_notification_fn_t}; {@code nodes} points at {uint32 nodeid; uint32 state}[]. */
    interface QuorumNotifyFn extends Callback {
        void invoke(long handle, long context, int quorate, int entries, Pointer nodes);
    }

    /** {@code votequorum_expectedvotes_notification_fn_t}. */
    interface ExpectedVotesNotifyFn extends Callback {
        void invoke(long handle, long context, int expectedVotes);
    }

    /** {@code votequorum_nodelist_notification_fn_t}; {@code nodes} points at uint32_t[]. */
    interface NodeListNotifyFn extends Callback {
        void invoke(long handle, long context, RingIdValue ringId, int entries, Pointer nodes);
    }

    /** {@code votequorum_callbacks_t}. */
    @Structure.FieldOrder({"quorum_notify", "expectedvotes_notify", "nodelist_notify"})
    class Callbacks extends Structure {
        public QuorumNotifyFn quorum_notify;
        public ExpectedVotesNotifyFn expectedvotes_notify;
        public NodeListNotifyFn nodelist_notify;
    }
}
