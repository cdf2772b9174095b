package org.quorate.link.status;

import java.net.InetSocketAddress;

/**
 * One link to one host.
 *
 * @param mtu             the data MTU: the largest message chunk that fits one datagram on this link
 * @param notEligibleWhy  why the link carries no traffic now ("" when it does), e.g. "down: no pong for 1.5 s"
 * @param lossRatio       the heartbeat's recent loss estimate (0..1)
 */
public record LinkStatus(int linkId, InetSocketAddress local, InetSocketAddress remote, boolean enabled,
                         boolean connected, boolean carriesTraffic, int priority, int mtu, String notEligibleWhy,
                         LinkCounters counters, long latencyMinUs, long latencyAvgUs, long latencyMaxUs,
                         long latencySamples, long upCount, long downCount, double lossRatio) {
}
