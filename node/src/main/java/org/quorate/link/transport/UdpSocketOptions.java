package org.quorate.link.transport;

/**
 * The socket options of the link layer's UDP sockets, from {@code LinkSettingKeys}.
 *
 * @param receiveBufferBytes  SO_RCVBUF (knet: 8 MiB, forced when root): sized for a burst of every host's heartbeats and a 64 KiB message
 *                            fragmented at the smallest MTU, so a short stall of the event loop loses nothing
 * @param sendBufferBytes     SO_SNDBUF
 * @param writeHighWaterMark  bytes queued in the channel above which sends are refused (NO_BUFFER_SPACE)
 *                            until the queue drains below {@code writeLowWaterMark}: the send-side memory bound
 * @param writeLowWaterMark   see above
 * @param dontFragment        IP_MTU_DISCOVER=IP_PMTUDISC_PROBE (and IPv6's), as knet sets it: DF on every
 *                            datagram and the kernel's cached path MTU ignored, so path-MTU probes larger than
 *                            the path are lost (or refused with EMSGSIZE above the interface MTU) instead of
 *                            fragmented, and a stale ICMP never caps the search; only with the epoll transport
 */
public record UdpSocketOptions(int receiveBufferBytes, int sendBufferBytes, int writeHighWaterMark,
                               int writeLowWaterMark, boolean dontFragment) {
    public static final UdpSocketOptions DEFAULTS = new UdpSocketOptions(8 << 20, 8 << 20, 4 << 20, 2 << 20, true);

    public UdpSocketOptions {
        if (receiveBufferBytes < 1 || sendBufferBytes < 1) {
            throw new IllegalArgumentException("socket buffer sizes must be >= 1 byte");
        }
        if (writeLowWaterMark < 0 || writeHighWaterMark < writeLowWaterMark) {
            throw new IllegalArgumentException("write water marks: need 0 <= low (" + writeLowWaterMark
                    + ") <= high (" + writeHighWaterMark + ")");
        }
    }
}
