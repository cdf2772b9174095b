package org.quorate.net;

/**
 * Why a datagram could not be sent, in the classes an administrator acts on differently. Each carries the
 * errno name it stands for, for log lines such as {@code "send to 198.18.0.2:5405 failed: EPERM (a firewall
 * rule drops it)"}.
 */
public enum SendFailure {
    /** EPERM/EACCES: a local firewall rule (iptables/nftables) refused the packet. */
    PERMISSION_DENIED("EPERM", "a local firewall rule refused it"),
    /** EMSGSIZE: larger than the interface or path MTU allows; path-MTU discovery uses it as a hint. */
    MESSAGE_TOO_BIG("EMSGSIZE", "larger than the MTU allows"),
    /** ENETUNREACH/EHOSTUNREACH/ECONNREFUSED(ICMP): no route, or the peer's host said unreachable. */
    UNREACHABLE("ENETUNREACH", "no route to the destination"),
    /** ENOBUFS/EAGAIN: the local send buffer is full. */
    NO_BUFFER_SPACE("ENOBUFS", "the local send buffer is full"),
    /** Anything else. */
    OTHER("EIO", "another I/O error");

    private final String errno;
    private final String meaning;

    SendFailure(String errno, String meaning) {
        this.errno = errno;
        this.meaning = meaning;
    }

    public String errno() {
        return errno;
    }

    public String meaning() {
        return meaning;
    }
}
