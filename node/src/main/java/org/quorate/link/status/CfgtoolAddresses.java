package org.quorate.link.status;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Addresses as corosync-cfgtool prints them: the numeric host only, no port, as knet's getnameinfo(NI_NUMERICHOST)
 * writes it (IPv6 compressed as inet_ntop does: lower case, the longest run of two or more zero groups as "::").
 */
public final class CfgtoolAddresses {
    private CfgtoolAddresses() {
    }

    public static String host(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        InetAddress a = address.getAddress();
        if (a == null) {
            return address.getHostString();
        }
        if (a instanceof Inet6Address v6) {
            return ipv6(v6.getAddress());
        }
        return a.getHostAddress();
    }

    static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
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
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
