package org.quorate.link.scenario;

import org.quorate.link.LinkPolicy;

import java.time.Duration;

/**
 * What a scenario asks a testbed for: how many hosts and links, the link policy, the heartbeat timings of every
 * link, the seed, and optionally one host that holds another cluster's key.
 *
 * @param foreignKeyHost a host (1..hosts) whose authkey differs from everyone else's, or 0
 */
record TestbedSpec(int hosts, int links, LinkPolicy policy, Duration pingInterval, Duration pongTimeout,
                   int pongCount, long seed, int foreignKeyHost, Duration tick) {
    /** knet's heartbeat resolution. */
    static final Duration KNET_TICK = Duration.ofMillis(200);

    /** corosync's timings for {@code hosts} configured nodes at token 3000, coefficient 650 (spec §1.5). */
    static TestbedSpec corosyncDefaults(int hosts, int links, long seed) {
        long tokenEff = 3000 + Math.max(0, hosts - 2) * 650L;
        return new TestbedSpec(hosts, links, LinkPolicy.PASSIVE, Duration.ofMillis(tokenEff / 4),
                Duration.ofMillis(tokenEff / 2), 2, seed, 0, KNET_TICK);
    }

    /**
     * A fast profile: ping every 100 ms, pong timeout 200 ms, on a 50 ms tick: with knet's 200 ms tick a timeout
     * of one tick declares a link down whenever a pong comes back in under the tick's rounding.
     */
    static TestbedSpec fast(int hosts, int links, long seed) {
        return new TestbedSpec(hosts, links, LinkPolicy.PASSIVE, Duration.ofMillis(100), Duration.ofMillis(200), 2,
                seed, 0, Duration.ofMillis(50));
    }

    TestbedSpec withPolicy(LinkPolicy p) {
        return new TestbedSpec(hosts, links, p, pingInterval, pongTimeout, pongCount, seed, foreignKeyHost, tick);
    }

    TestbedSpec withForeignKey(int host) {
        return new TestbedSpec(hosts, links, policy, pingInterval, pongTimeout, pongCount, seed, host, tick);
    }

    TestbedSpec withSeed(long s) {
        return new TestbedSpec(hosts, links, policy, pingInterval, pongTimeout, pongCount, s, foreignKeyHost, tick);
    }
}
