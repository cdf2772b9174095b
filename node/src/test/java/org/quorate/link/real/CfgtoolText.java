package org.quorate.link.real;

/** Reads the bits of {@code corosync-cfgtool -s} text the lab waits on. Pure. */
final class CfgtoolText {
    /** knet 1.25's data MTU at the 576-byte floor with aes256/sha256: 576 - 20 (IP) - 8 (UDP) - 79 (knet). */
    static final int FLOOR_DATA_MTU = 469;
    private static final java.util.regex.Pattern MTU = java.util.regex.Pattern.compile(" mtu: (\\d+)$");

    private CfgtoolText() {
    }

    /** Every "mtu: N" of {@code -n} text, in order. */
    static java.util.List<Integer> mtus(String nodesText) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (String line : nodesText.lines().toList()) {
            var m = MTU.matcher(line);
            if (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    /**
     * Whether {@code -s} text lists node {@code peer} as "connected" under "LINK ID {@code link}"; false when
     * disconnected or not listed at all (the link or the node is missing).
     */
    static boolean connected(String statusText, int link, int peer) {
        String section = null;
        String wanted = "nodeid: " + String.format("%10d", peer) + ":\t";
        for (String line : statusText.lines().toList()) {
            if (line.startsWith("LINK ID ")) {
                section = line;
                continue;
            }
            if (section != null && section.startsWith("LINK ID " + link + " ") && line.strip().startsWith(wanted.strip())) {
                return line.endsWith("\tconnected");
            }
        }
        return false;
    }
}
