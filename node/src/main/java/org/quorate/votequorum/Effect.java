package org.quorate.votequorum;

import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.votequorum.message.VqMessage;

/**
 * What the pure votequorum core asks its host to do. The host (the {@code service} adapter, or a test)
 * drains them after every call, in order.
 */
public sealed interface Effect {
    /** Multicast in agreed order to the current ring, this node included. */
    record Multicast(VqMessage message) implements Effect {
    }

    /** Arm {@code kind} to expire after {@code delayMs} (at {@code dueAtMs} on the core's time line); replaces it. */
    record ArmTimer(TimerKind kind, long delayMs, long dueAtMs) implements Effect {
    }

    /** Call off {@code kind} if it is armed. */
    record CancelTimer(TimerKind kind) implements Effect {
    }

    /** The quorum service's view changed (corosync's {@code quorum_callback}: what the v0 quorum API shows). */
    record QuorumChanged(boolean quorate, List<Long> members, RingId ringId) implements Effect {
        public QuorumChanged {
            members = List.copyOf(members);
        }
    }

    /** Tracking clients' quorum notification: every node votequorum knows, with its state. */
    record QuorumNotification(boolean quorate, List<NodeStatus> nodes) implements Effect {
        public QuorumNotification {
            nodes = List.copyOf(nodes);
        }
    }

    /** Tracking clients' node-list notification, sent in every sync: the ring a device must quote in its poll. */
    record NodeListNotification(RingId ringId, List<Long> members) implements Effect {
        public NodeListNotification {
            members = List.copyOf(members);
        }
    }

    /** Tracking clients' expected-votes notification. */
    record ExpectedVotesNotification(long expectedVotes) implements Effect {
    }

    /**
     * Create {@code <state_dir>/ev_tracking} holding {@code barrier} (always 0): what corosync 3.1.7 writes when
     * the file is missing or short at start-up. It is the only write: 3.1.7 closes the file after loading it,
     * and every later update fails on the closed descriptor ("Unable to update ev_tracking_barrier on disk
     * data!!!", still so upstream), so a raised barrier lives in memory only and a restarted node starts from
     * the file's first value. The differential test against real corosync showed it (n3-ev-tracking-restart).
     */
    record CreateEvTrackingFile(long barrier) implements Effect {
    }

    /** The answer to a pending {@link Votequorum#qdeviceRegister} (given when its own QDEVICE_REG came back). */
    record RegisterReply(CsError error) implements Effect {
    }

    /** A line corosync logs at this point, with its level; for the host's log. */
    record Log(Level level, String text) implements Effect {
    }

    /** corosync log levels used by votequorum. */
    enum Level { CRIT, ERROR, WARNING, NOTICE, INFO, DEBUG }

    /** A node and its votequorum state, as the quorum notification lists them (node id 0 is the device). */
    record NodeStatus(long nodeId, NodeState state) {
    }
}
