package org.quorate.net;

/**
 * IPv6 addresses as the C tools print them (inet_ntop, RFC 5952): lower-case hex, no leading zeros, the longest
 * run of two or more zero groups (the first of equal runs) replaced by {@code ::}. Java's
 * {@code Inet6Address.getHostAddress()} writes every group ({@code 0:0:0:0:0:0:0:1}), which is not what
 * corosync-qnetd-tool or corosync-cfgtool show.
 */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    /** @param a the 16 bytes of an IPv6 address */
    public static String compress(byte[] a) {
        if (a.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + a.length);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
