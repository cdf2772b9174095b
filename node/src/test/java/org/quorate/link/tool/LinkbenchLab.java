package org.quorate.link.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.quorate.testsupport.lab.DaemonProcess;
import org.quorate.testsupport.lab.LabAddresses;
import org.quorate.testsupport.lab.LabHost;
import org.quorate.testsupport.lab.LabLock;
import org.quorate.testsupport.lab.NetnsLab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * quorate-linkbench on real sockets: hosts n1..nN of lab cluster 62 (link 0 198.18.62.I, link 1 198.19.62.I),
 * one corosync.conf and authkey in each host's /etc/corosync, the tool started in each namespace from the
 * test's own class path, and link faults as iptables rules in a chain of their own (QLINK), so a single link
 * can be cut, one way or both, and healed.
 */
final class LinkbenchLab implements AutoCloseable {
    static final int CLUSTER = 62;
    private static final String CHAIN = "QLINK";
    /** Hooked into INPUT only: a loss rule in QLINK would also match on OUTPUT and double the loss. */
    private static final String RX_CHAIN = "QLINKRX";
    private static final ObjectMapper JSON = new ObjectMapper();

    final NetnsLab lab;
    private final LabLock lock;
    private final int hosts;
    private final List<DaemonProcess> runs = new ArrayList<>();

    private LinkbenchLab(LabLock lock, NetnsLab lab, int hosts) {
        this.lock = lock;
        this.lab = lab;
        this.hosts = hosts;
    }

    static LinkbenchLab open(String label, int hosts, String extraTotem) throws IOException {
        LabLock lock = LabLock.acquire(Duration.ofMinutes(20));
        NetnsLab lab;
        try {
            lab = NetnsLab.open(label);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        LinkbenchLab l = new LinkbenchLab(lock, lab, hosts);
        byte[] key = new byte[256];
        new Random(CLUSTER).nextBytes(key);
        String conf = conf(hosts, extraTotem);
        for (int i = 1; i <= hosts; i++) {
            LabHost h = lab.addHost(name(i), LabAddresses.node(CLUSTER, i, 0), LabAddresses.node(CLUSTER, i, 1));
            Files.writeString(h.etc().resolve("corosync.conf"), conf);
            Files.write(h.etc().resolve("authkey"), key);
            lab.execOk(name(i), "sh", "-c", "iptables -N " + CHAIN + " && iptables -I INPUT -j " + CHAIN
                    + " && iptables -I OUTPUT -j " + CHAIN + " && iptables -N " + RX_CHAIN + " && iptables -I INPUT -j "
                    + RX_CHAIN);
        }
        return l;
    }

    static String name(int i) {
        return "n" + i;
    }

    static String conf(int hosts, String extraTotem) {
        StringBuilder sb = new StringBuilder("""
                totem {
                  version: 2
                  cluster_name: lab62
                  secauth: on
                  %s
                  interface {
                    linknumber: 0
                    knet_link_priority: 20
                  }
                  interface {
                    linknumber: 1
                    knet_link_priority: 10
                  }
                }
                nodelist {
                """.formatted(extraTotem));
        for (int i = 1; i <= hosts; i++) {
            sb.append("  node {\n    name: ").append(name(i)).append("\n    nodeid: ").append(i)
                    .append("\n    ring0_addr: ").append(LabAddresses.node(CLUSTER, i, 0))
                    .append("\n    ring1_addr: ").append(LabAddresses.node(CLUSTER, i, 1)).append("\n  }\n");
        }
        return sb.append("}\nquorum {\n  provider: corosync_votequorum\n}\n").toString();
    }

    /** Starts the tool on host {@code i} with {@code args} after -c, -n, the status file and JSON output. */
    DaemonProcess start(int i, String... args) {
        return start(i, true, args);
    }

    /** @param giveNodeId false: the tool finds its node id from the namespace's addresses */
    DaemonProcess start(int i, boolean giveNodeId, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LinkbenchMain.class.getName(),
                "-c", "/etc/corosync/corosync.conf", "--output-format", "json",
                "--status-file", "/run/linkbench.status", "--status-interval", "200"));
        if (giveNodeId) {
            cmd.addAll(List.of("-n", Integer.toString(i)));
        }
        cmd.addAll(List.of(args));
        DaemonProcess d = lab.start(name(i), "linkbench", cmd);
        runs.add(d);
        return d;
    }

    /** Drops link {@code link} traffic from host {@code from} to host {@code to} (at {@code to}'s INPUT). */
    void cutOneWay(int from, int to, int link) {
        lab.execOk(name(to), "iptables", "-A", CHAIN, "-s", LabAddresses.node(CLUSTER, from, link), "-j", "DROP");
    }

    void cut(int a, int b, int link) {
        cutOneWay(a, b, link);
        cutOneWay(b, a, link);
    }

    /** Random loss of {@code probability} on everything host {@code i} receives on its links. */
    void rxLoss(int i, double probability) {
        lab.execOk(name(i), "iptables", "-A", RX_CHAIN, "!", "-i", "lo", "-p", "udp", "-m", "statistic", "--mode", "random",
                "--probability", String.format(java.util.Locale.ROOT, "%.4f", probability), "-j", "DROP");
    }

    void heal() {
        for (int i = 1; i <= hosts; i++) {
            lab.execOk(name(i), "iptables", "-F", CHAIN);
            lab.execOk(name(i), "iptables", "-F", RX_CHAIN);
        }
    }

    /** The status JSON host {@code i} wrote last. */
    JsonNode status(int i) throws IOException {
        return JSON.readTree(Files.readString(lab.host(name(i)).run().resolve("linkbench.status.json")));
    }

    String statusNodes(int i) throws IOException {
        return Files.readString(lab.host(name(i)).run().resolve("linkbench.status.nodes"));
    }

    String statusText(int i) throws IOException {
        return Files.readString(lab.host(name(i)).run().resolve("linkbench.status"));
    }

    /** Waits for every started run to exit and returns host {@code i}'s output: events and counts. */
    Output await(int i, Duration timeout) throws Exception {
        DaemonProcess d = runs.stream().filter(r -> r.host().name().equals(name(i))).reduce((a, b) -> b).orElseThrow();
        if (!d.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(d + " still runs after " + timeout);
        }
        String log = Files.readString(d.log());
        List<String> events = new ArrayList<>();
        JsonNode counts = null;
        for (String line : log.lines().toList()) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (n.has("event")) {
                events.add(n.get("event").asText());
            } else if (n.has("hosts")) {
                counts = n;
            }
        }
        if (counts == null || d.process().exitValue() != 0) {
            throw new AssertionError("linkbench on " + name(i) + " exited " + d.process().exitValue() + ":\n" + log);
        }
        return new Output(events, counts, log);
    }

    /** One run's event lines and closing counts. */
    record Output(List<String> events, JsonNode counts, String log) {
        JsonNode host(int id) {
            for (JsonNode h : counts.get("hosts")) {
                if (h.get("host").asInt() == id) {
                    return h;
                }
            }
            throw new AssertionError("no host " + id + " in " + counts);
        }

        boolean has(String event) {
            return events.stream().anyMatch(e -> e.startsWith(event));
        }
    }

    /** The JSON status of host {@code hostId}'s link {@code link} in a status document. */
    static JsonNode link(JsonNode status, int hostId, int link) {
        for (JsonNode h : status.get("hosts")) {
            if (h.get("node_id").asInt() == hostId) {
                for (JsonNode l : h.get("links")) {
                    if (l.get("link_id").asInt() == link) {
                        return l;
                    }
                }
            }
        }
        throw new AssertionError("no link " + link + " to host " + hostId + " in " + status);
    }

    static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    @Override
    public void close() throws IOException {
        try {
            lab.close();
        } finally {
            lock.close();
        }
    }
}
