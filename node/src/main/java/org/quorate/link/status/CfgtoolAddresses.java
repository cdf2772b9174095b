package org.quorate.link.status;

import org.quorate.net.Ipv6Text;

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
        return Ipv6Text.compress(b);
    }
}
