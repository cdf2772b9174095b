package org.quorate.vqsim.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flattened corosync.conf keys for tests: a nodelist of n nodes (ids 1..n) and quorum options. */
final class Confs {
    private final Map<String, String> keys = new LinkedHashMap<>();

    private Confs(int nodes) {
        keys.put("totem.cluster_name", "sim");
        keys.put("quorum.provider", "corosync_votequorum");
        for (int i = 0; i < nodes; i++) {
            keys.put("nodelist.node." + i + ".nodeid", Integer.toString(i + 1));
            keys.put("nodelist.node." + i + ".ring0_addr", "198.18.1." + (i + 1));
            keys.put("nodelist.node." + i + ".name", "n" + (i + 1));
        }
    }

    static Confs nodes(int n) {
        return new Confs(n);
    }

    Confs quorum(String key, Object value) {
        keys.put("quorum." + key, value.toString());
        return this;
    }

    Confs votes(int nodeId, int votes) {
        keys.put("nodelist.node." + (nodeId - 1) + ".quorum_votes", Integer.toString(votes));
        return this;
    }

    Confs device(Integer votes) {
        keys.put("quorum.device.model", "net");
        if (votes != null) {
            keys.put("quorum.device.votes", votes.toString());
        }
        return this;
    }

    Map<String, String> map() {
        return Map.copyOf(keys);
    }
}
