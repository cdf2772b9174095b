package org.quorate.testsupport.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code corosync-quorumtool -s} of one node, parsed. {@code available} is false when the tool got no
 * answer (corosync not running, IPC refused): then only {@code error} is meaningful.
 *
 * @param qdeviceVotes votes of the "0 ... Qdevice" row (0 while the qdevice does not vote), null without that row
 */
public record QuorumStatus(boolean available, String error, int nodes, int nodeId, String ringId, boolean quorate,
                           int expectedVotes, int highestExpected, int totalVotes, int quorum, Set<String> flags,
                           List<QuorumMember> members, Integer qdeviceVotes) {

    private static final Pattern QDEVICE_FLAGS = Pattern.compile("NR|N?A(,N?[A-Z]+)*");

    public QuorumStatus {
        flags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(flags)); // keeps the tool's order
        members = List.copyOf(members);
    }

    public static QuorumStatus unavailable(String error) {
        return new QuorumStatus(false, error, 0, 0, "", false, 0, 0, 0, 0, Set.of(), List.of(), null);
    }

    /** Parses the tool's output; text without a "Quorate:" line gives an unavailable status. */
    public static QuorumStatus parse(String text) {
        if (!text.contains("Quorate:")) {
            String first = text.strip().isEmpty() ? "no output" : text.strip().lines().findFirst().orElse("");
            return unavailable(first);
        }
        int nodes = 0, nodeId = 0, expected = 0, highest = 0, total = 0, quorum = 0;
        String ring = "";
        boolean quorate = false;
        Set<String> flags = new LinkedHashSet<>();
        List<QuorumMember> members = new ArrayList<>();
        Integer qdeviceVotes = null;
        boolean inMembers = false;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Membership information")) {
                inMembers = true;
            } else if (inMembers) {
                String[] t = l.split("\\s+");
                if (t.length < 3 || !t[0].matches("\\d+") || !t[1].matches("\\d+")) {
                    continue; // header, dashes
                }
                int id = Integer.parseInt(t[0]);
                int votes = Integer.parseInt(t[1]);
                if (id == 0 && l.contains("Qdevice")) {
                    qdeviceVotes = votes;
                    continue;
                }
                int nameAt = 2;
                String qdFlags = "";
                if (t.length > 3 && QDEVICE_FLAGS.matcher(t[2]).matches()) {
                    qdFlags = t[2];
                    nameAt = 3;
                }
                members.add(new QuorumMember(id, votes, qdFlags, t[nameAt], l.endsWith("(local)")));
            } else {
                String value = l.contains(":") ? l.substring(l.indexOf(':') + 1).strip() : "";
                if (l.startsWith("Nodes:")) {
                    nodes = intOf(value);
                } else if (l.startsWith("Node ID:")) {
                    nodeId = intOf(value);
                } else if (l.startsWith("Ring ID:")) {
                    ring = value;
                } else if (l.startsWith("Quorate:")) {
                    quorate = value.equals("Yes");
                } else if (l.startsWith("Expected votes:")) {
                    expected = intOf(value);
                } else if (l.startsWith("Highest expected:")) {
                    highest = intOf(value);
                } else if (l.startsWith("Total votes:")) {
                    total = intOf(value);
                } else if (l.startsWith("Quorum:")) {
                    quorum = intOf(value.split("\\s+")[0]);
                } else if (l.startsWith("Flags:")) {
                    for (String f : value.split("\\s+")) {
                        if (!f.isEmpty()) {
                            flags.add(f);
                        }
                    }
                }
            }
        }
        return new QuorumStatus(true, "", nodes, nodeId, ring, quorate, expected, highest, total, quorum, flags,
                members, qdeviceVotes);
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The "Flags:" line contains {@code Qdevice} (votequorum has a registered quorum device). */
    public boolean qdeviceRegistered() {
        return flags.contains("Qdevice");
    }

    /** The quorum device's vote is counted: its row has votes &gt; 0. */
    public boolean qdeviceVoteCounted() {
        return qdeviceVotes != null && qdeviceVotes > 0;
    }

    public Optional<QuorumMember> member(int id) {
        return members.stream().filter(m -> m.nodeId() == id).findFirst();
    }

    /**
     * Quorate, qdevice registered, its vote counted, exactly {@code expectedMembers} members and every one
     * {@code A,V} - the realstack recipe's "quorate with the qdevice vote".
     */
    public boolean quorateWithQdevice(int expectedMembers) {
        return available && quorate && qdeviceRegistered() && qdeviceVoteCounted()
                && members.size() == expectedMembers
                && members.stream().allMatch(m -> m.qdeviceAlive() && m.qdeviceVoting());
    }

    /** One line without the date, for change detection and logs. */
    public String compact() {
        if (!available) {
            return "down (" + error + ")";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("quorate=").append(quorate ? "Y" : "N").append(" ring=").append(ringId)
                .append(" tv=").append(totalVotes).append(" ev=").append(expectedVotes).append(" q=").append(quorum)
                .append(" flags=").append(String.join(",", flags)).append(" members=");
        for (QuorumMember m : members) {
            sb.append(m.nodeId()).append(':').append(m.qdeviceFlags().isEmpty() ? "-" : m.qdeviceFlags()).append(' ');
        }
        sb.append("qd=").append(qdeviceVotes == null ? "none" : qdeviceVotes.toString());
        return sb.toString();
    }
}
