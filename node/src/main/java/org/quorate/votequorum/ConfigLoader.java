package org.quorate.votequorum;

import java.util.List;
import java.util.OptionalLong;
import org.quorate.votequorum.Effect.Level;

/**
 * {@code votequorum_readconfig}: applies a {@link QuorumConfig} to votequorum's {@link Features} and to the local
 * node's and the device's votes, with corosync's checks in corosync's order (node-and-link spec §2.2). At start-up
 * a check that fails refuses the configuration; at runtime the same checks log and, for the device ones, disable
 * the device.
 */
final class ConfigLoader {
    /** What 3.1.7 logs on every update of the barrier (see {@link Effect.CreateEvTrackingFile}). */
    static final String EV_TRACKING_UPDATE_FAILED = "Unable to update ev_tracking_barrier on disk data!!!";

    /**
     * @param error the refusal (start-up) or the reason the reload stopped early, null when there is none
     * @param completed whether the whole configuration was applied (corosync's {@code goto out} skips the rest)
     */
    record Outcome(String error, boolean completed) {
        static final Outcome DONE = new Outcome(null, true);

        static Outcome aborted(String error) {
            return new Outcome(error, false);
        }
    }

    private ConfigLoader() {
    }

    static Outcome load(QuorumConfig c, boolean runtime, Features f, NodeEntry us, NodeEntry qdevice,
            OptionalLong evTrackingStored, List<Effect> effects) {
        if (runtime) {
            f.autoTieBreaker = f.initialAutoTieBreaker;
        }
        long expectedVotes = c.expectedVotes();
        long nodeExpectedVotes = c.nodelistVotes();
        long qdeviceVotes = c.deviceVotes();
        if (c.haveDevice()) {
            f.qdeviceTimeoutMs = c.deviceTimeoutMs();
            f.qdeviceSyncTimeoutMs = c.deviceSyncTimeoutMs();
            f.qdeviceCanOperate = true;
        }
        f.twoNode = c.twoNode();

        if (!c.haveNodelist() && expectedVotes == 0) {
            String msg = "configuration error: nodelist or quorum.expected_votes must be configured!";
            if (!runtime) {
                return Outcome.aborted(msg);
            }
            log(effects, Level.CRIT, msg);
            log(effects, Level.CRIT, "will continue with current runtime data");
            return Outcome.aborted(null);
        }
        if (f.twoNode && c.haveDevice()) {
            String msg = "configuration error: two_node and quorum device cannot be configured at the same time!";
            if (!runtime) {
                return Outcome.aborted(msg);
            }
            log(effects, Level.CRIT, msg);
            if (us.has(NodeFlag.QDEVICE_REGISTERED)) {
                log(effects, Level.CRIT, "quorum device is registered, disabling two_node");
                f.twoNode = false;
            } else {
                log(effects, Level.CRIT, "quorum device is not registered, allowing two_node");
                f.qdeviceCanOperate = false;
            }
        }
        if (!runtime) {
            readStartupFeatures(c, f, evTrackingStored, effects);
        }
        if (f.waitForAllAutoset) {
            f.waitForAll = f.twoNode;
        }
        if (f.twoNode && f.autoTieBreaker.enabled()) {
            log(effects, Level.CRIT, "two_node and auto_tie_breaker are both specified but are not compatible.");
            log(effects, Level.CRIT, "two_node has been disabled, please fix your corosync.conf");
            f.twoNode = false;
        }
        if (f.autoTieBreaker.enabled() && nodeExpectedVotes % 2 != 0 && !f.waitForAll) {
            if (f.lastManStanding) {
                return Outcome.aborted("configuration error: auto_tie_breaker & last_man_standing not available in "
                        + "odd sized cluster");
            }
            log(effects, Level.CRIT, "auto_tie_breaker is set and the cluster has an odd number of nodes.");
            log(effects, Level.CRIT, "Therefore auto_tie_breaker has been disabled. Please fix your corosync.conf");
            f.autoTieBreaker = AutoTieBreaker.NONE;
        }
        String error = deviceCheck(f, effects, runtime, c.haveDevice() && f.lastManStanding,
                "configuration error: quorum.device is not compatible with last_man_standing");
        error = error != null ? error : deviceCheck(f, effects, runtime,
                c.haveDevice() && f.autoTieBreaker.enabled(),
                "configuration error: quorum.device is not compatible with auto_tie_breaker");
        error = error != null ? error : deviceCheck(f, effects, runtime, c.haveDevice() && f.allowDownscale,
                "configuration error: quorum.device is not compatible with allow_downscale");
        error = error != null ? error : deviceCheck(f, effects, runtime,
                expectedVotes != 0 && c.haveDevice() && qdeviceVotes == QuorumConfig.UNSET,
                "configuration error: quorum.device.votes must be specified when quorum.expected_votes is set");
        error = error != null ? error : deviceCheck(f, effects, runtime,
                c.haveDevice() && qdeviceVotes == QuorumConfig.UNSET && c.haveNodelist()
                        && c.nodeCount() != nodeExpectedVotes,
                "configuration error: quorum.device.votes must be specified when not all nodes votes 1");
        // C: int delta = expected_votes - qdevice_votes, both uint32_t
        error = error != null ? error : deviceCheck(f, effects, runtime,
                qdeviceVotes > 0 && expectedVotes != 0 && (int) (expectedVotes - qdeviceVotes) < 2,
                "configuration error: quorum.device.votes is too high or expected_votes is too low");
        if (error != null) {
            return Outcome.aborted(error);
        }
        if (c.haveDevice() && qdeviceVotes == QuorumConfig.UNSET && expectedVotes == 0 && c.haveNodelist()
                && c.nodeCount() == nodeExpectedVotes) {
            qdeviceVotes = nodeExpectedVotes - 1;
            nodeExpectedVotes = nodeExpectedVotes + qdeviceVotes;
        }
        if (f.evTracking) {
            expectedVotes = f.evTrackingBarrier;
        }
        if (c.haveNodelist()) {
            us.votes = c.localNodelistVotes();
            us.expectedVotes = nodeExpectedVotes;
        } else {
            us.votes = c.quorumVotes();
        }
        if (expectedVotes != 0) {
            us.expectedVotes = expectedVotes;
        }
        if (!c.haveDevice()) {
            qdevice.votes = 0;
        }
        if (qdeviceVotes != QuorumConfig.UNSET) {
            qdevice.votes = qdeviceVotes;
        }
        f.evBarrier = us.expectedVotes;
        return Outcome.DONE;
    }

    /** The features corosync reads only at start-up (and makes read-only in cmap afterwards). */
    private static void readStartupFeatures(QuorumConfig c, Features f, OptionalLong evTrackingStored,
            List<Effect> effects) {
        f.allowDownscale = c.allowDownscale();
        f.waitForAllAutoset = c.waitForAll() == null;
        f.waitForAll = c.waitForAll() != null && c.waitForAll();
        f.lastManStanding = c.lastManStanding();
        f.lastManStandingWindowMs = c.lastManStandingWindowMs();
        f.evTracking = c.expectedVotesTracking();
        if (c.autoTieBreaker()) {
            f.autoTieBreaker = AutoTieBreaker.LOWEST;
            if (c.autoTieBreakerNode() != null) {
                f.autoTieBreaker = AutoTieBreaker.parse(c.autoTieBreakerNode());
                if (!f.autoTieBreaker.enabled()) {
                    log(effects, Level.WARNING, "auto_tie_breaker_nodes is not valid. It must be 'lowest', "
                            + "'highest' or a space-separated list of node IDs. auto_tie_breaker is disabled");
                }
            }
        } else {
            f.autoTieBreaker = AutoTieBreaker.NONE;
            if (c.autoTieBreakerNode() != null) {
                log(effects, Level.WARNING, "auto_tie_breaker_node: is meaningless if auto_tie_breaker is set to 0");
            }
        }
        f.initialAutoTieBreaker = f.autoTieBreaker;
        if (f.allowDownscale) {
            f.evTracking = true;
        }
        if (f.evTracking) {
            f.evTrackingBarrier = evTrackingStored.orElse(0);
            if (evTrackingStored.isEmpty()) {
                effects.add(new Effect.CreateEvTrackingFile(0));
            }
            log(effects, Level.WARNING, EV_TRACKING_UPDATE_FAILED); // 3.1.7 "updates" the closed file at once
        }
    }

    /** A device incompatibility: fatal at start-up, "disable the device" at runtime. */
    private static String deviceCheck(Features f, List<Effect> effects, boolean runtime, boolean violated,
            String message) {
        if (!violated) {
            return null;
        }
        if (!runtime) {
            return message;
        }
        log(effects, Level.CRIT, message);
        log(effects, Level.CRIT, "disabling quorum device operations");
        f.qdeviceCanOperate = false;
        return null;
    }

    private static void log(List<Effect> effects, Level level, String text) {
        effects.add(new Effect.Log(level, text));
    }
}
