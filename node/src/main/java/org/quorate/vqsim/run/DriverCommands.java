package org.quorate.vqsim.run;

import java.util.function.LongSupplier;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.script.Command;

/**
 * The one mapping from the commands that act on a cluster (up, down, move, join, qdevice, sleep, expected,
 * votes, reload) to {@link ClusterDriver} calls, shared by the script runner and the differential test's
 * lockstep, so that both drive the simulator and real corosync the same way.
 */
public final class DriverCommands {
    private DriverCommands() {
    }

    /** True for the commands {@link #apply} carries out. */
    public static boolean actsOnTheCluster(Command c) {
        return c instanceof Command.Up || c instanceof Command.Down || c instanceof Command.Move
                || c instanceof Command.Join || c instanceof Command.Qdevice || c instanceof Command.Sleep
                || c instanceof Command.Expected || c instanceof Command.Votes || c instanceof Command.Reload;
    }

    /**
     * The node an {@code expected} or {@code votes} command runs on: the one it names, else for
     * {@code expected} the lowest running node, for {@code votes} the node whose votes change.
     */
    public static long targetNode(Command c, LongSupplier lowestRunning) {
        if (c instanceof Command.Expected e) {
            return e.onNode() != null ? e.onNode() : lowestRunning.getAsLong();
        }
        if (c instanceof Command.Votes v) {
            return v.onNode() != null ? v.onNode() : v.node();
        }
        throw new IllegalArgumentException("'" + c.text() + "' does not run on one node");
    }

    /**
     * Carries out {@code c} on {@code d}. Returns the refusal text of {@code expected}/{@code votes} (null
     * when accepted, and for every other command). {@code expected} without a node runs on
     * {@code lowestRunning}; {@code votes} without one runs on the node whose votes change.
     */
    public static String apply(ClusterDriver d, Command c, LongSupplier lowestRunning) {
        // if-chain, not a pattern switch: Java 17 has type patterns in instanceof only
        if (c instanceof Command.Up u) {
            u.nodesByPartition().forEach(d::up);
        } else if (c instanceof Command.Down down) {
            d.down(down.nodes());
        } else if (c instanceof Command.Move m) {
            d.move(m.nodesByPartition());
        } else if (c instanceof Command.Join j) {
            d.join(j.partitions());
        } else if (c instanceof Command.Qdevice q) {
            if (q.on()) {
                d.qdeviceOn(q.nodes());
            } else {
                d.qdeviceOff(q.nodes());
            }
        } else if (c instanceof Command.Sleep s) {
            d.advance(s.duration());
        } else if (c instanceof Command.Expected e) {
            return d.setExpected(targetNode(c, lowestRunning), e.expected());
        } else if (c instanceof Command.Votes v) {
            return d.setVotes(targetNode(c, lowestRunning), v.node(), v.votes());
        } else if (c instanceof Command.Reload r) {
            d.reload(r.file());
        } else {
            throw new IllegalArgumentException("'" + c.text() + "' does not act on the cluster");
        }
        return null;
    }
}
