package org.quorate.qnetd.admin;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Formats a client's address the way the C server stores it for the tool: NSPR's address text
 * (inet_ntop style, IPv4 peers of a dual-stack listener as {@code ::ffff:a.b.c.d}) followed by
 * {@code :port}, with no brackets, e.g. {@code ::ffff:198.18.1.1:50122}.
 */
public final class ClientAddressFormat {
    private ClientAddressFormat() {
    }

    /**
     * @param peer            the remote address of the TCP connection
     * @param ipv6Listener    true when the listening socket is IPv6 (the default, dual stack), so
     *                        IPv4 peers appear as IPv4-mapped addresses
     */
    public static String format(InetSocketAddress peer, boolean ipv6Listener) {
        InetAddress addr = peer.getAddress();
        String host;
        if (addr instanceof Inet4Address v4) {
            host = (ipv6Listener ? "::ffff:" : "") + v4.getHostAddress();
        } else if (addr instanceof Inet6Address v6) {
            host = compressIpv6(v6.getAddress());
        } else {
            host = peer.getHostString();
        }
        return host + ":" + peer.getPort();
    }

    /** RFC 5952 text: lower-case hex, the longest run (≥ 2) of zero groups replaced by {@code ::}. */
    public static String compressIpv6(byte[] a) {
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
        StringBuilder sb = new StringBuilder();
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
