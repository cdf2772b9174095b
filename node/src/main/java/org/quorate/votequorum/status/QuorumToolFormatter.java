package org.quorate.votequorum.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.quorate.votequorum.InfoFlag;
import org.quorate.votequorum.VotequorumInfo;

/**
 * The text of {@code corosync-quorumtool -s} and {@code -l}, byte for byte as corosync 3.1.7's
 * {@code tools/corosync-quorumtool.c} prints it (node-and-link spec §3): labels padded to column 18, the
 * {@code %10s } grid, two trailing spaces after a quorate {@code Quorum:}, one after every flag.
 */
public final class QuorumToolFormatter {
    /** {@code -s} exit code when the node is not quorate ({@code EXIT_NOT_QUORATE}). */
    public static final int EXIT_NOT_QUORATE = 2;
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private QuorumToolFormatter() {
    }

    /** {@code corosync-quorumtool -s}, with its exit code. */
    public static ToolOutput status(QuorumStatus s, QuorumToolOptions o, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("Quorum information\n");
        out.append("------------------\n");
        out.append("Date:             ").append(ctime(s.dateMillis(), zone)).append('\n');
        out.append("Quorum provider:  ").append(s.quorumProvider() == null ? "Not configured" : s.quorumProvider())
                .append('\n');
        out.append("Nodes:            ").append(s.members().size()).append('\n');
        long ourId = s.votequorum() ? s.localNodeId() : 0;
        out.append("Node ID:          ").append(o.hexIds() ? hex(ourId) : Long.toString(ourId)).append('\n');
        if (s.votequorum()) {
            out.append("Ring ID:          ").append(s.ringId().toHex()).append('\n');
        } else {
            out.append("Ring ID:          ").append(Long.toHexString(s.ringId().seq())).append('\n');
        }
        out.append("Quorate:          ").append(s.quorate() ? "Yes" : "No").append('\n');
        if (s.votequorum()) {
            VotequorumInfo info = s.localInfo();
            out.append("\nVotequorum information\n");
            out.append("----------------------\n");
            out.append("Expected votes:   ").append(info.expectedVotes()).append('\n');
            out.append("Highest expected: ").append(info.highestExpected()).append('\n');
            out.append("Total votes:      ").append(info.totalVotes()).append('\n');
            out.append("Quorum:           ").append(info.quorum()).append(' ')
                    .append(info.has(InfoFlag.QUORATE) ? " " : "Activity blocked").append('\n');
            out.append("Flags:            ");
            for (InfoFlag f : InfoFlag.values()) {
                if (f.printedName() != null && info.has(f)) {
                    out.append(f.printedName()).append(' ');
                }
            }
            out.append('\n');
            nodes(out, s, o);
        }
        return new ToolOutput(out.toString(), s.quorate() ? 0 : EXIT_NOT_QUORATE);
    }

    /** {@code corosync-quorumtool -l}. */
    public static ToolOutput nodes(QuorumStatus s, QuorumToolOptions o) {
        StringBuilder out = new StringBuilder();
        nodes(out, s, o);
        return new ToolOutput(out.toString(), 0);
    }

    /** {@code display_nodes_data}. */
    private static void nodes(StringBuilder out, QuorumStatus s, QuorumToolOptions o) {
        boolean vq = s.votequorum();
        boolean showDevice = false;
        List<Row> rows = new ArrayList<>();
        for (long id : s.members()) {
            VotequorumInfo info = vq ? s.memberInfo().get(id) : null;
            if (vq && info == null) {
                out.append("Unable to get node ").append(id).append(" info\n");
            }
            showDevice |= info != null && info.has(InfoFlag.QDEVICE_REGISTERED);
            rows.add(new Row(id, info, s.names().of(id, o.numeric(), o.allAddresses())));
        }
        out.append("\nMembership information\n");
        out.append("----------------------\n");
        padded(out, "Nodeid");
        if (vq) {
            padded(out, "Votes");
            if (showDevice || o.machineParsable()) {
                padded(out, "Qdevice");
            }
        }
        out.append("Name\n");
        if (o.order() == QuorumToolOptions.Order.NODEID) {
            rows.sort(Comparator.comparingLong(Row::nodeId));
        } else if (o.order() == QuorumToolOptions.Order.NAME) {
            rows.sort(Comparator.comparing(Row::name));
        }
        int ourFlags = 0;
        for (Row r : rows) {
            nodeId(out, r.nodeId(), o);
            if (vq) {
                int flags = r.info() == null ? 0 : r.info().flags();
                padded(out, Long.toString(r.info() == null ? 0 : r.info().votes()));
                if (showDevice || o.machineParsable()) {
                    if (InfoFlag.QDEVICE_REGISTERED.in(flags)) {
                        padded(out, (InfoFlag.QDEVICE_ALIVE.in(flags) ? "A" : "NA") + ","
                                + (InfoFlag.QDEVICE_CAST_VOTE.in(flags) ? "V" : "NV") + ","
                                + (InfoFlag.QDEVICE_MASTER_WINS.in(flags) ? "MW" : "NMW"));
                    } else {
                        padded(out, "NR");
                    }
                }
            }
            out.append(r.name());
            if (r.nodeId() == s.localNodeId()) {
                out.append(" (local)");
                ourFlags = r.info() == null ? 0 : r.info().flags();
            }
            out.append('\n');
        }
        if (showDevice) {
            // corosync takes the device's votes and name from the first row's getinfo; they are global
            VotequorumInfo first = rows.get(0).info() != null ? rows.get(0).info() : s.localInfo();
            boolean casting = InfoFlag.QDEVICE_CAST_VOTE.in(ourFlags);
            nodeId(out, 0, o);
            padded(out, Long.toString(casting ? first.qdeviceVotes() : 0));
            out.append("           ").append(first.qdeviceName());
            if (casting) {
                out.append('\n');
            } else {
                out.append(" (votes ").append(first.qdeviceVotes()).append(")\n");
            }
        }
    }

    private static void nodeId(StringBuilder out, long id, QuorumToolOptions o) {
        if (o.hexIds()) {
            out.append(hex(id)).append(' ');
        } else {
            padded(out, Long.toString(id));
        }
    }

    /** {@code print_string_padded}: right-aligned to 10, then one space. */
    private static void padded(StringBuilder out, String s) {
        for (int i = s.length(); i < 10; i++) {
            out.append(' ');
        }
        out.append(s).append(' ');
    }

    private static String hex(long id) {
        return String.format(Locale.ROOT, "0x%08x", id);
    }

    /** C's {@code ctime()} without its newline: {@code Www Mmm dd hh:mm:ss yyyy}, the day padded with a space. */
    static String ctime(long millis, ZoneId zone) {
        return CTIME.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone));
    }

    private record Row(long nodeId, VotequorumInfo info, String name) {
    }

    /** What a tool printed on stdout, and its exit status. */
    public record ToolOutput(String stdout, int exitCode) {
    }
}
