package org.quorate.link.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a ring address of corosync.conf (a literal or a host name) into addresses, as getaddrinfo(3) does. */
@FunctionalInterface
public interface AddressResolver {
    /** The system resolver: literals parse without any lookup; names go to /etc/hosts and DNS. */
    AddressResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
