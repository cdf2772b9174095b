package org.quorate.link.select;

import org.quorate.link.LinkPolicy;

import java.util.List;
import java.util.Objects;

/**
 * Picks the links for each packet to one host (spec §5.4). One selector per host; single-threaded.
 *
 * <p>knet's eligible links are the connected ones with a valid MTU (host.c {@code _host_dstcache_update_sync}).
 * Quorate narrows that to the links that also carry traffic (no pong overdue), and falls back to every
 * connected link only when none does: a failed-over link is still better than calling the host unreachable.
 * Passive takes the highest priority number, ties to the lowest link id; active takes them all; rr takes one
 * per packet, the next link id after the one used last (knet rotates its list the same way).
 */
public final class LinkSelector {
    private final LinkPolicy policy;
    private int lastRoundRobinLink = -1;

    public LinkSelector(LinkPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Writes the link ids for the next packet into {@code out} (length {@code >= candidates.size()}) and
     * returns how many; 0 means the host is unreachable.
     */
    public int choose(List<LinkCandidate> candidates, int[] out) {
        boolean anyCarries = false;
        for (LinkCandidate c : candidates) {
            anyCarries |= c.connected() && c.carriesTraffic();
        }
        return switch (policy) {
            case PASSIVE -> passive(candidates, anyCarries, out);
            case ACTIVE -> all(candidates, anyCarries, out);
            case RR -> roundRobin(candidates, anyCarries, out);
        };
    }

    public LinkPolicy policy() {
        return policy;
    }

    private static boolean eligible(LinkCandidate c, boolean needTraffic) {
        return c.connected() && (!needTraffic || c.carriesTraffic());
    }

    private static int passive(List<LinkCandidate> candidates, boolean needTraffic, int[] out) {
        LinkCandidate best = null;
        for (LinkCandidate c : candidates) {
            if (eligible(c, needTraffic) && (best == null || c.priority() > best.priority()
                    || c.priority() == best.priority() && c.linkId() < best.linkId())) {
                best = c;
            }
        }
        if (best == null) {
            return 0;
        }
        out[0] = best.linkId();
        return 1;
    }

    private static int all(List<LinkCandidate> candidates, boolean needTraffic, int[] out) {
        int n = 0;
        for (LinkCandidate c : candidates) {
            if (eligible(c, needTraffic)) {
                out[n++] = c.linkId();
            }
        }
        return n;
    }

    private int roundRobin(List<LinkCandidate> candidates, boolean needTraffic, int[] out) {
        int next = -1;
        int lowest = -1;
        for (LinkCandidate c : candidates) {
            if (!eligible(c, needTraffic)) {
                continue;
            }
            int id = c.linkId();
            if (lowest < 0 || id < lowest) {
                lowest = id;
            }
            if (id > lastRoundRobinLink && (next < 0 || id < next)) {
                next = id;
            }
        }
        int chosen = next >= 0 ? next : lowest;
        if (chosen < 0) {
            return 0;
        }
        lastRoundRobinLink = chosen;
        out[0] = chosen;
        return 1;
    }
}
