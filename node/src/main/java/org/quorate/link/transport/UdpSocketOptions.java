package org.quorate.link.transport;

/**
 * The socket options of the link layer's UDP sockets, from {@code LinkSettingKeys}.
 *
 * @param receiveBufferBytes  SO_RCVBUF: sized for a burst of every host's heartbeats and a 64 KiB message
 *                            fragmented at the smallest MTU, so a short stall of the event loop loses nothing
 * @param sendBufferBytes     SO_SNDBUF
 * @param writeHighWaterMark  bytes queued in the channel above which sends are refused (NO_BUFFER_SPACE)
 *                            until the queue drains below {@code writeLowWaterMark}: the send-side memory bound
 * @param writeLowWaterMark   see above
 * @param dontFragment        IP_MTU_DISCOVER=IP_PMTUDISC_DO (and IPv6's), so that path-MTU probes larger than
 *                            the path are refused (EMSGSIZE) or lost instead of fragmented by the kernel, as
 *                            knet sets it; only possible with the epoll transport
 */
public record UdpSocketOptions(int receiveBufferBytes, int sendBufferBytes, int writeHighWaterMark,
                               int writeLowWaterMark, boolean dontFragment) {
    public static final UdpSocketOptions DEFAULTS = new UdpSocketOptions(4 << 20, 4 << 20, 4 << 20, 2 << 20, true);

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
