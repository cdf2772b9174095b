package org.quorate.testsupport.simnet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps socket addresses to simulated {@link Endpoint}s and back, so that code written against
 * {@code InetSocketAddress} (the link layer) runs over a {@link SimNetwork}. The standard plan gives host H
 * on link L the address {@code 198.18.L.H} (H up to 255) and port {@code 5405 + L}, as corosync numbers ports.
 */
public final class AddressBook {
    private final Map<InetSocketAddress, Endpoint> byAddress = new HashMap<>();
    private final Map<Endpoint, InetSocketAddress> byEndpoint = new HashMap<>();

    /** Adds one pair; fails when either side is already mapped to something else. */
    public AddressBook put(InetSocketAddress address, Endpoint endpoint) {
        Endpoint e = byAddress.get(address);
        InetSocketAddress a = byEndpoint.get(endpoint);
        if ((e != null && !e.equals(endpoint)) || (a != null && !a.equals(address))) {
            throw new IllegalArgumentException("address book: " + address + " <-> " + endpoint
                    + " clashes with " + address + " <-> " + e + " / " + a + " <-> " + endpoint);
        }
        byAddress.put(address, endpoint);
        byEndpoint.put(endpoint, address);
        return this;
    }

    /** The endpoint of {@code address}, or null when it is not in the book. */
    public Endpoint endpoint(InetSocketAddress address) {
        return byAddress.get(address);
    }

    /** The address of {@code endpoint}, or null when it is not in the book. */
    public InetSocketAddress address(Endpoint endpoint) {
        return byEndpoint.get(endpoint);
    }

    /** Host {@code hostId}'s address on link {@code linkId} in the standard plan, added if absent. */
    public InetSocketAddress standard(int hostId, int linkId) {
        Endpoint e = Endpoint.of(hostId, linkId);
        InetSocketAddress known = byEndpoint.get(e);
        if (known != null) {
            return known;
        }
        InetSocketAddress a = standardAddress(hostId, linkId);
        put(a, e);
        return a;
    }

    /** {@code 198.18.<link>.<host>:<5405 + link>}; host ids 1..255, link ids 0..7. */
    public static InetSocketAddress standardAddress(int hostId, int linkId) {
        if (hostId < 1 || hostId > 255 || linkId < 0 || linkId > 7) {
            throw new IllegalArgumentException("address book: the standard plan has hosts 1..255 and links 0..7, not host "
                    + hostId + " link " + linkId);
        }
        try {
            InetAddress ip = InetAddress.getByAddress(new byte[]{(byte) 198, 18, (byte) linkId, (byte) hostId});
            return new InetSocketAddress(ip, 5405 + linkId);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
