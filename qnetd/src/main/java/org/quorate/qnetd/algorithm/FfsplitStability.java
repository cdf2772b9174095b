package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.Optional;

import org.quorate.protocol.NodeInfo;

/**
 * ffsplit's "is the membership stable" test (spec §7.3 {@code stable()}): a decision is taken only
 * when every connected client reports the same configured ids, and clients that see each other
 * report the same ring id and membership. Otherwise qnetd waits for the remaining lists.
 */
final class FfsplitStability {
    private FfsplitStability() {
    }

    static boolean isStable(FfsplitRound round) {
        return configListsAgree(round) && partitionsAgree(round);
    }

    private static boolean configListsAgree(FfsplitRound round) {
        List<ClientState> clients = round.cluster().clients();
        for (ClientState x : clients) {
            for (ClientState y : clients) {
                if (x == y || round.skips(x) || round.skips(y)) {
                    continue;
                }
                if (!NodeLists.containsAllIds(round.configOf(y), round.configOf(x))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean partitionsAgree(FfsplitRound round) {
        for (ClientState x : round.cluster().clients()) {
            if (round.skips(x)) {
                continue;
            }
            List<NodeInfo> membership = round.membershipOf(x);
            for (NodeInfo member : membership) {
                Optional<ClientState> y = round.cluster().find(member.nodeId());
                if (y.isEmpty() || round.skips(y.get())) {
                    continue;
                }
                if (!round.ringOf(x).equals(round.ringOf(y.get()))
                        || !NodeLists.containsAllIds(round.membershipOf(y.get()), membership)) {
                    return false;
                }
            }
        }
        return true;
    }
}
