package org.quorate.votequorum;

/**
 * The configuration votequorum reads, as found in the cmap keys of one node (node-and-link spec §2.2,
 * corosync {@code votequorum_readconfig}): raw values only, before votequorum's own checks and
 * adjustments, which {@link Votequorum} applies because they depend on its state (start-up or reload,
 * a registered device).
 *
 * @param expectedVotes {@code quorum.expected_votes}, 0 when absent
 * @param haveNodelist the local node has an entry in {@code nodelist.node.*}
 * @param nodeCount number of nodelist entries
 * @param nodelistVotes the sum of {@code quorum_votes} (default 1) over the nodelist
 * @param localNodelistVotes the local entry's {@code quorum_votes} (default 1)
 * @param quorumVotes {@code quorum.votes} (default 1), used without a nodelist
 * @param twoNode {@code quorum.two_node}
 * @param haveDevice {@code quorum.device.model} is a non-empty string
 * @param deviceVotes {@code quorum.device.votes}, {@link #UNSET} when absent
 * @param deviceTimeoutMs {@code quorum.device.timeout} (default 10000)
 * @param deviceSyncTimeoutMs {@code quorum.device.sync_timeout} (default 30000)
 * @param waitForAll {@code quorum.wait_for_all}, null when absent (then it follows two_node)
 * @param autoTieBreakerNode {@code quorum.auto_tie_breaker_node}, null when absent
 */
public record QuorumConfig(
        long expectedVotes,
        boolean haveNodelist,
        int nodeCount,
        long nodelistVotes,
        long localNodelistVotes,
        long quorumVotes,
        boolean twoNode,
        boolean haveDevice,
        long deviceVotes,
        long deviceTimeoutMs,
        long deviceSyncTimeoutMs,
        boolean allowDownscale,
        Boolean waitForAll,
        boolean lastManStanding,
        long lastManStandingWindowMs,
        boolean expectedVotesTracking,
        boolean autoTieBreaker,
        String autoTieBreakerNode) {

    /** corosync keeps an absent {@code quorum.device.votes} as (uint32) -1. */
    public static final long UNSET = 0xFFFF_FFFFL;
    public static final long DEFAULT_DEVICE_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_DEVICE_SYNC_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_LMS_WINDOW_MS = 10_000;
}
