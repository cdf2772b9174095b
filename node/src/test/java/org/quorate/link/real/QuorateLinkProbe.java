package org.quorate.link.real;

import org.quorate.link.tool.LinkbenchMain;
import org.quorate.testsupport.lab.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Quorate's side of the detection figure: corosync is stopped on every node of the same lab, and
 * quorate-linkbench runs in each host's namespaces from the very corosync.conf and authkey corosync read, with
 * light traffic. Disconnected = the corosync-cfgtool -s text the tool rewrites every 20 ms on {@code observer}
 * lists {@code peer} as disconnected under {@code link}. The cut is the same iptables rule as corosync's.
 */
final class QuorateLinkProbe extends LabLinkCut {
    private static final String NAME = "linkbench";

    private QuorateLinkProbe(RealLinkLab lab, int observer, int peer, int link) {
        super("quorate", lab, observer, peer, link);
    }

    /** Replaces corosync by quorate-linkbench on every node and waits until every link shows connected. */
    static QuorateLinkProbe replaceCorosync(RealLinkLab lab, int observer, int peer, int link) {
        for (int n = 1; n <= LinkLabConf.NODES; n++) {
            lab.cluster().kill(n, "corosync", "TERM");
        }
        for (int n = 1; n <= LinkLabConf.NODES; n++) {
            lab.stack().lab().start(lab.cluster().host(n), NAME, command(n));
        }
        QuorateLinkProbe probe = new QuorateLinkProbe(lab, observer, peer, link);
        for (int n = 1; n <= LinkLabConf.NODES; n++) {
            int node = n;
            Await.until("quorate-linkbench on node " + node + " shows every link connected", Duration.ofSeconds(60),
                    Duration.ofMillis(100), () -> probe.statusText(node), RealLinkLab::allConnected, t -> t);
        }
        return probe;
    }

    private static List<String> command(int node) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ArrayList<>(List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LinkbenchMain.class.getName(), "-c", "/etc/corosync/corosync.conf", "-n", Integer.toString(node),
                "--send-rate", "20", "--duration", "100000", "--status-file", "/run/linkbench.status",
                "--status-interval", "20"));
    }

    @Override
    public boolean isDisconnected() {
        return !CfgtoolText.connected(statusText(observer), link, peer);
    }

    /** The latest -s text of node {@code node}'s tool ("" before the first write). */
    String statusText(int node) {
        Path file = lab.stack().lab().host(lab.cluster().host(node)).run().resolve("linkbench.status");
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
