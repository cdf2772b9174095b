package org.quorate.link.config;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One link to one remote host, with the numbers corosync derives for it (spec §1.5, §5.2): the local socket
 * is shared by every host on this link id, the remote uses the same port.
 *
 * @param priority     knet_link_priority (a configured 0 is already 1); passive mode prefers the highest
 * @param pingInterval knet_ping_interval (default token_eff / (pong_count x 2))
 * @param pongTimeout  knet_ping_timeout (default token_eff / pong_count)
 * @param pingPrecision knet_ping_precision: how many latency samples the average spans (default 2048)
 * @param pongCount    knet_pong_count: counted pongs before the next one brings the link up (default 2)
 */
public record LinkSpec(int linkId, InetSocketAddress local, InetSocketAddress remote, int priority,
                       Duration pingInterval, Duration pongTimeout, int pingPrecision, int pongCount) {
    public static final int MAX_LINKS = 8;

    public LinkSpec {
        if (linkId < 0 || linkId >= MAX_LINKS) {
            throw new IllegalArgumentException("link " + linkId + ": link ids are 0.." + (MAX_LINKS - 1));
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || pongTimeout.isNegative() || pongTimeout.isZero()) {
            throw new IllegalArgumentException("link " + linkId + ": ping interval and pong timeout must be > 0");
        }
        if (pongCount < 1 || pingPrecision < 1) {
            throw new IllegalArgumentException("link " + linkId + ": pong count and ping precision must be >= 1");
        }
    }
}
