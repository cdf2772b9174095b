package org.quorate.qnetd.admin;

import org.quorate.net.Ipv6Text;

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

    /** A client address without the text form's quirks: {@code host} plain IPv4 or RFC 5952 IPv6, and the port. */
    public record Canonical(String host, int port) {
    }

    /**
     * The canonical form of a {@link #format} text: an IPv4-mapped {@code ::ffff:a.b.c.d} becomes {@code a.b.c.d}
     * (the same peer, however the listener's family showed it). Empty when the text has no {@code :port}.
     */
    public static java.util.Optional<Canonical> canonical(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return java.util.Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        String host = text.substring(0, colon);
        String mapped = "::ffff:";
        if (host.regionMatches(true, 0, mapped, 0, mapped.length()) && host.indexOf('.') > 0) {
            host = host.substring(mapped.length());
        }
        return java.util.Optional.of(new Canonical(host, port));
    }

    /** RFC 5952 text: lower-case hex, the longest run (≥ 2) of zero groups replaced by {@code ::}. */
    /** RFC 5952 text: lower-case hex, the longest run (>= 2) of zero groups replaced by {@code ::}. */
    public static String compressIpv6(byte[] a) {
        return Ipv6Text.compress(a);
    }
}
