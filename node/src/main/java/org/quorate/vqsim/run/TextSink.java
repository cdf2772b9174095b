package org.quorate.vqsim.run;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quorate.votequorum.InfoFlag;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.script.Command;

/**
 * vqsim's own output, extended with the votequorum numbers. vqsim prints
 * {@code <partition>:<nodeid>: q=<0|1> ring=[<leader>.<seq>] nodes=[<id> ...]} per running node (and shows
 * the state by itself after every synchronous membership command); this sink prints that prefix
 * unchanged and appends {@code expected= highest= total= quorum= flags=<n> (<names>)}, prints a
 * {@code <partition>:<nodeid>: down} line for a node that is not running, and ends with vqsim's
 * {@code #autofence: on|off} line.
 */
public final class TextSink implements StepSink {
    private final PrintStream out;
    private boolean autofence;

    public TextSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void step(int step, Command command, List<NodeSnapshot> nodes, boolean syncCommand) {
        if (syncCommand) {
            show(nodes, autofence);
        }
    }

    @Override
    public void show(List<NodeSnapshot> nodes, boolean autofence) {
        this.autofence = autofence;
        nodes.forEach(n -> out.println(line(n)));
        out.println("#autofence: " + (autofence ? "on" : "off"));
    }

    @Override
    public void info(String line) {
        if (line.startsWith("#autofence: ")) {
            autofence = line.endsWith("on");
        }
        out.println(line);
    }

    /** One node's line. */
    public static String line(NodeSnapshot n) {
        if (!n.up()) {
            return n.partition() + ":" + n.nodeId() + ": down";
        }
        return n.partition() + ":" + n.nodeId() + ": q=" + (n.quorate() ? 1 : 0) + " ring=[" + n.ring() + "] nodes=["
                + n.members().stream().map(String::valueOf).collect(Collectors.joining(" ")) + "]"
                + " expected=" + n.expected() + " highest=" + n.highestExpected() + " total=" + n.totalVotes()
                + " quorum=" + n.quorum() + " flags=" + n.flags() + " (" + flagNames(n.flags()) + ")";
    }

    /**
     * The set flags in bit order, as corosync-quorumtool names them; the three it shows only in its device
     * columns (A/V/MW) get their constant's name in the same style (QdeviceAlive, QdeviceCastVote, ...).
     */
    static String flagNames(int flags) {
        return InfoFlag.decode(flags).stream()
                .map(f -> f.printedName() != null ? f.printedName() : camelCase(f.name()))
                .collect(Collectors.joining(" "));
    }

    private static String camelCase(String constant) {
        return Arrays.stream(constant.split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }
}
