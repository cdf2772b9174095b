package org.quorate.qdevice.backend;

import java.util.HashMap;
import java.util.Map;

/** A valid 2-node net-model configuration as cmap holds it, for tests to start from and break. */
final class ConfigFixtures {
    private ConfigFixtures() {
    }

    static Map<String, String> twoNodeNet() {
        Map<String, String> m = new HashMap<>();
        m.put("totem.cluster_name", "lab1");
        m.put("totem.config_version", "7");
        m.put("runtime.votequorum.this_node_id", "1");
        m.put("nodelist.node.0.name", "c1n1");
        m.put("nodelist.node.0.nodeid", "1");
        m.put("nodelist.node.0.ring0_addr", "198.18.1.1");
        m.put("nodelist.node.1.name", "c1n2");
        m.put("nodelist.node.1.nodeid", "2");
        m.put("nodelist.node.1.ring0_addr", "198.18.1.2");
        m.put("nodelist.node.1.datacenterid", "5");
        m.put("quorum.provider", "corosync_votequorum");
        m.put("quorum.device.model", "net");
        m.put("quorum.device.votes", "1");
        m.put("quorum.device.net.host", "198.18.0.100");
        m.put("quorum.device.net.tls", "on");
        m.put("quorum.device.net.algorithm", "ffsplit");
        m.put("quorum.device.net.tie_breaker", "lowest");
        return m;
    }

    static ConfigSnapshot with(String key, String value) {
        Map<String, String> m = twoNodeNet();
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return ConfigSnapshot.of(m);
    }
}
