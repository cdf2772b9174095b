package org.quorate.link.real;

import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.CorosyncConf;
import org.quorate.testsupport.lab.LabAddresses;
import org.quorate.testsupport.lab.QdeviceAlgorithm;

/**
 * The link lab's cluster: cluster number {@value #CLUSTER} (no other lab uses it), 3 nodes, 2 knet links
 * (node I is 198.18.61.I on link 0 and 198.19.61.I on link 1), no quorum device, secauth on (aes256/sha256),
 * and the interface keys of a {@link LinkProfile}. Pure.
 */
final class LinkLabConf {
    static final int CLUSTER = 61;
    static final int NODES = 3;
    static final String NAME = "linklab";

    private LinkLabConf() {
    }

    static ClusterSpec spec() {
        return ClusterSpec.builder(CLUSTER, NODES).name(NAME).links(2).algorithm(QdeviceAlgorithm.NONE).build();
    }

    static String render(LinkProfile profile) {
        String conf = CorosyncConf.render(spec(), LabAddresses.QNETD, LabAddresses.QNETD_PORT);
        StringBuilder extra = new StringBuilder();
        for (String line : profile.interfaceLines()) {
            extra.append("    ").append(line).append('\n');
        }
        for (int link = 0; link < 2; link++) {
            String block = "    linknumber: " + link + "\n";
            if (!conf.contains(block)) {
                throw new IllegalStateException("CorosyncConf no longer writes '" + block.strip() + "'");
            }
            conf = conf.replace(block, block + extra);
        }
        return conf;
    }
}
