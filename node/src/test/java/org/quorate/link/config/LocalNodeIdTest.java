package org.quorate.link.config;

import org.junit.jupiter.api.Test;
import org.quorate.conf.ConfParser;
import org.quorate.conf.CorosyncConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalNodeIdTest {
    private static String conf(String ring) {
        return """
                totem {
                  version: 2
                  cluster_name: lab62
                }
                nodelist {
                  node {
                    name: lab62-far-away
                    nodeid: 4
                    ring0_addr: 198.18.62.4
                  }
                  node {
                    name: lab62-this-one
                    nodeid: 5
                    ring0_addr: %s
                  }
                }
                quorum {
                  provider: corosync_votequorum
                }
                """.formatted(ring);
    }

    @Test
    void theNodeWhoseRingAddressIsOneOfThisHostsAddressesIsTheLocalOne() {
        var doc = ConfParser.parse("c.conf", conf("127.0.0.1"));
        assertThat(LocalNodeId.interfaceAddresses()).contains("127.0.0.1");
        assertThat(LocalNodeId.find(doc, CorosyncConfig.of(doc))).isEqualTo(5);
    }

    @Test
    void noMatchNamesTheFileAndSaysToGiveTheId() {
        var doc = ConfParser.parse("/etc/corosync/corosync.conf", conf("198.18.62.5"));
        assertThatThrownBy(() -> LocalNodeId.find(doc, CorosyncConfig.of(doc)))
                .isInstanceOf(LinkConfigException.class)
                .hasMessageStartingWith("/etc/corosync/corosync.conf: no node of the nodelist is this host")
                .hasMessageContaining("give its node id");
    }
}
