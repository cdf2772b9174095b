package org.quorate.vqsim;

import java.util.Map;
import java.util.TreeMap;

/** Flattened corosync.conf maps for tests, built by hand (the keys corosync-cmapctl shows). */
public final class Cmaps {
    private final TreeMap<String, String> map = new TreeMap<>();

    private Cmaps() {}

    /** A nodelist of nodes 1..n with one vote each and quorum.provider set. */
    public static Cmaps nodes(int n) {
        Cmaps c = new Cmaps();
        c.map.put("quorum.provider", "corosync_votequorum");
        c.map.put("totem.cluster_name", "test");
        for (int i = 0; i < n; i++) {
            c.map.put("nodelist.node." + i + ".nodeid", String.valueOf(i + 1));
            c.map.put("nodelist.node." + i + ".ring0_addr", "198.18.0." + (i + 1));
        }
        return c;
    }

    public Cmaps with(String key, Object value) {
        map.put(key, String.valueOf(value));
        return this;
    }

    /** Sets nodelist.node.(id-1).quorum_votes. */
    public Cmaps votes(long nodeId, long votes) {
        return with("nodelist.node." + (nodeId - 1) + ".quorum_votes", votes);
    }

    public Map<String, String> map() {
        return new TreeMap<>(map);
    }
}
