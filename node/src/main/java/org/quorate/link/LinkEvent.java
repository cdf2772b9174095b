package org.quorate.link;

/**
 * Something that happened to one link of one host, with why. {@code nanos} is the layer's clock.
 *
 * @param detail the reason in words, e.g. "no pong for 1500 ms (timeout 1500 ms + 2 x latency 0.2 ms)"
 */
public record LinkEvent(long nanos, int hostId, int linkId, Kind kind, String detail) {
    public enum Kind {
        /** Declared up (corosync logs "host: H link: L is up"). */
        UP,
        /** Declared down (corosync logs "host: H link: L is down"). */
        DOWN,
        /** Traffic to the host moved to another link, before or without a down. */
        FAILOVER,
        /** The link's path MTU changed. */
        MTU_CHANGED
    }
}
