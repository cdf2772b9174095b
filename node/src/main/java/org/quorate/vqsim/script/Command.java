package org.quorate.vqsim.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One line of a vqsim script, parsed. The commands are corosync-vqsim's (vqsim/parser.c) plus Quorate's
 * additions: {@code sleep}, {@code expected}, {@code votes}, {@code reload}, {@code check}.
 */
public sealed interface Command {
    /** The script line, as written (trimmed), for output and error messages. */
    String text();

    /** {@code up [p:]n[,n...] ...}: start nodes, each group into its partition. */
    record Up(String text, Map<Integer, List<Long>> nodesByPartition) implements Command {}

    /** {@code down n[,n...] ...}. */
    record Down(String text, List<Long> nodes) implements Command {}

    /** {@code move|split [p:]n[,n...] ...}. */
    record Move(String text, Map<Integer, List<Long>> nodesByPartition) implements Command {}

    /** {@code join p p [p ...]}: the later partitions merge into the first. */
    record Join(String text, List<Integer> partitions) implements Command {}

    /** {@code qdevice on|off [p:]n[,n...] ...} (vqsim ignores the partition prefix here, and so do we). */
    record Qdevice(String text, boolean on, List<Long> nodes) implements Command {}

    record Autofence(String text, boolean on) implements Command {}

    /** {@code timeout MS}: how long a sync command may take to settle. */
    record Timeout(String text, Duration timeout) implements Command {}

    record Sync(String text, boolean on) implements Command {}

    record Assert(String text, boolean on) implements Command {}

    /** {@code sleep SECONDS} (fractions allowed): simulated time passes. */
    record Sleep(String text, Duration duration) implements Command {}

    record Show(String text) implements Command {}

    record Help(String text) implements Command {}

    record Exit(String text) implements Command {}

    /** {@code expected N [NODE]}: corosync-quorumtool -e N, run on NODE (default: the lowest running node). */
    record Expected(String text, long expected, Long onNode) implements Command {}

    /** {@code votes NODE N [ON]}: corosync-quorumtool -v N -n NODE, run on ON (default NODE itself). */
    record Votes(String text, long node, long votes, Long onNode) implements Command {}

    /** {@code reload FILE}: the file replaces corosync.conf on every running node. */
    record Reload(String text, Path file) implements Command {}

    /** {@code check}: every node's numbers must equal the reference model's. */
    record Check(String text) implements Command {}

    /** Whether the command changes membership, so that a synchronous run settles after it. */
    default boolean changesMembership() {
        return this instanceof Up || this instanceof Down || this instanceof Move || this instanceof Join;
    }
}
