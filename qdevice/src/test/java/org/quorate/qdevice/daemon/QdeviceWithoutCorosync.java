package org.quorate.qdevice.daemon;

import org.quorate.protocol.RingId;
import org.quorate.qdevice.backend.InMemoryQuorumBackend;
import org.quorate.time.SystemClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole corosync-qdevice daemon (command line, signals, lock file, local socket, exit status) with the
 * in-memory votequorum/cmap in place of a running corosync, so a test can run it as a real child process.
 * The configuration is a 2-node cluster whose qnetd, {@code 127.0.0.1:<QDEVICE_TEST_QNETD_PORT>} with TLS off,
 * need not exist: the daemon keeps trying to connect, as it would.
 */
public final class QdeviceWithoutCorosync {
    private QdeviceWithoutCorosync() {
    }

    public static void main(String[] args) {
        Map<String, String> cmap = new HashMap<>();
        cmap.put("totem.cluster_name", "signals");
        cmap.put("totem.config_version", "1");
        cmap.put("runtime.votequorum.this_node_id", "1");
        cmap.put("nodelist.node.0.name", "n1");
        cmap.put("nodelist.node.0.nodeid", "1");
        cmap.put("nodelist.node.0.ring0_addr", "198.18.1.1");
        cmap.put("nodelist.node.1.name", "n2");
        cmap.put("nodelist.node.1.nodeid", "2");
        cmap.put("nodelist.node.1.ring0_addr", "198.18.1.2");
        cmap.put("quorum.provider", "corosync_votequorum");
        cmap.put("quorum.device.model", "net");
        cmap.put("quorum.device.votes", "1");
        cmap.put("quorum.device.net.host", "127.0.0.1");
        cmap.put("quorum.device.net.port", System.getenv().getOrDefault("QDEVICE_TEST_QNETD_PORT", "5403"));
        cmap.put("quorum.device.net.tls", "off");
        cmap.put("quorum.device.net.algorithm", "ffsplit");
        InMemoryQuorumBackend backend = new InMemoryQuorumBackend(SystemClock.INSTANCE, cmap, 3);
        backend.deliverNodeList(new RingId(1, 4), List.of(1L, 2L));
        System.exit(QdeviceMain.run(args, settings -> backend));
    }
}
