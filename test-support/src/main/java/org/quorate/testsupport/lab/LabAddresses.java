package org.quorate.testsupport.lab;

import java.util.regex.Pattern;

/**
 * The lab's address plan. Only the benchmarking range 198.18.0.0/15 (RFC 2544) is ever configured, so
 * nothing a test does can collide with a real network: qnetd hosts are 198.18.0.x, node I of cluster C
 * is 198.18.C.I on knet link 0 and 198.19.C.I on link 1.
 */
public final class LabAddresses {
    /** Where the qnetd host lives (TCP 5403). */
    public static final String QNETD = "198.18.0.100";
    public static final int QNETD_PORT = 5403;
    /** Prefix length of both lab networks (each bridge is one flat /16). */
    public static final int PREFIX_LENGTH = 16;

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LabAddresses() {
    }

    /** Address of node {@code node} of cluster {@code cluster} on knet link {@code link} (0 or 1). */
    public static String node(int cluster, int node, int link) {
        if (cluster < 1 || cluster > 250) {
            throw new IllegalArgumentException("cluster id must be 1..250, was " + cluster);
        }
        if (node < 1 || node > 250) {
            throw new IllegalArgumentException("node id must be 1..250, was " + node);
        }
        if (link != 0 && link != 1) {
            throw new IllegalArgumentException("knet link must be 0 or 1, was " + link);
        }
        return (link == 0 ? "198.18." : "198.19.") + cluster + "." + node;
    }

    /** Returns {@code address} if it is a plain IPv4 address inside 198.18.0.0/15, otherwise throws. */
    public static String requireLabAddress(String address) {
        var m = DOTTED_QUAD.matcher(address == null ? "" : address);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(m.group(i + 1));
            if (octets[i] > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
            }
        }
        if (octets[0] != 198 || (octets[1] != 18 && octets[1] != 19)) {
            throw new IllegalArgumentException("refusing address " + address
                    + ": lab hosts may only use the benchmarking range 198.18.0.0/15");
        }
        return address;
    }

    /** Which lab network (bridge) an address belongs to: 0 for 198.18/16, 1 for 198.19/16. */
    static int linkOf(String address) {
        return requireLabAddress(address).startsWith("198.18.") ? 0 : 1;
    }
}
