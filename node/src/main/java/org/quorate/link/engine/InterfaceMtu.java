package org.quorate.link.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * The largest UDP payload worth probing from a local address: the MTU of the interface that holds it, less the
 * IP and UDP headers. An address not found on any interface (a wildcard, a simulated one) gets Ethernet's 1500.
 */
@FunctionalInterface
public interface InterfaceMtu {
    int ETHERNET_MTU = 1500;

    /** The interface MTU (IP packet bytes) of {@code local}, or -1 when unknown. */
    int interfaceMtu(InetSocketAddress local);

    /** Looks the address up with {@link NetworkInterface}. */
    InterfaceMtu SYSTEM = local -> {
        try {
            InetAddress a = local.getAddress();
            NetworkInterface nic = a == null || a.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(a);
            return nic == null ? -1 : nic.getMTU();
        } catch (SocketException e) {
            return -1;
        }
    };

    /** Every address is on a 1500-byte Ethernet (simulations). */
    InterfaceMtu ETHERNET = local -> ETHERNET_MTU;

    /** The UDP payload ceiling for {@code local}: interface MTU minus 20+8 (IPv4) or 40+8 (IPv6). */
    static int udpCeiling(InterfaceMtu lookup, InetSocketAddress local) {
        boolean v6 = isIpv6(local);
        int mtu = lookup.interfaceMtu(local);
        if (mtu <= 0) {
            mtu = ETHERNET_MTU;
        }
        return Math.min(65507, mtu - (v6 ? 48 : 28));
    }

    static boolean isIpv6(InetSocketAddress address) {
        return address.getAddress() instanceof java.net.Inet6Address;
    }
}
