package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real corosync 3 processes, one per network namespace ({@code qbe-<id>-n<i>}), joined by veth
 * links on 198.18.250.0/24 (one node: loopback only). Each corosync runs in its own mount
 * namespace with private /var/lib/corosync and /run bind-mounted from the lab directory, so
 * nothing of the host's corosync state is touched. Everything is removed by {@link #close()}.
 * Needs root, iproute2, util-linux unshare and the Debian corosync package; a missing
 * prerequisite fails the test.
 */
final class CorosyncNetnsLab implements AutoCloseable {
    /** Quorum-device timeout in the generated corosync.conf: short, so expiry is quick to see. */
    static final int DEVICE_TIMEOUT_MS = 2000;

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final Path dir;
    private final int nodes;
    private final List<String> namespaces = new ArrayList<>();
    private final Process[] corosync;

    private CorosyncNetnsLab(Path dir, int nodes) {
        this.dir = dir;
        this.nodes = nodes;
        this.corosync = new Process[nodes + 1];
    }

    static CorosyncNetnsLab start(int nodes) throws Exception {
        checkPrerequisites();
        Path base = Path.of("target", "realstack");
        Files.createDirectories(base);
        CorosyncNetnsLab lab = new CorosyncNetnsLab(Files.createTempDirectory(base.toAbsolutePath(), "qbe-"), nodes);
        try {
            lab.createNetwork();
            for (int i = 1; i <= nodes; i++) {
                lab.startCorosync(i);
            }
            for (int i = 1; i <= nodes; i++) {
                lab.awaitIpc(i);
            }
            return lab;
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
    }

    static void checkPrerequisites() throws Exception {
        String uid = run(List.of("id", "-u")).trim();
        if (!uid.equals("0")) {
            fail("realstack tests need root (network namespaces, bind mounts); running as uid " + uid);
        }
        for (String tool : List.of("/usr/sbin/corosync", "/usr/sbin/corosync-quorumtool", "/usr/sbin/corosync-cmapctl")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: install the Debian package corosync (see .ci/install-deps)");
            }
        }
        run(List.of("ip", "-V"));
        run(List.of("unshare", "--version"));
    }

    String namespace(int node) {
        return "qbe-" + id + "-n" + node;
    }

    Path dir() {
        return dir;
    }

    /** Runs a command inside node {@code node}'s namespace; returns stdout+stderr, fails on exit != 0. */
    String exec(int node, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace(node)));
        cmd.addAll(List.of(command));
        return run(cmd);
    }

    /** {@code corosync-quorumtool -s}; its exit code says "not quorate" too, so it is not checked. */
    String quorumtool(int node) {
        return runQuiet(List.of("ip", "netns", "exec", namespace(node), "corosync-quorumtool", "-s"));
    }

    ProbeProcess probe(int node) throws IOException {
        return ProbeProcess.start(namespace(node), dir.resolve("probe-n" + node + ".stderr"));
    }

    /** SIGKILLs node {@code node}'s corosync, as a crash would. */
    void killCorosync(int node) throws InterruptedException {
        Process p = corosync[node];
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, the orderly stop. */
    void stopCorosync(int node) throws InterruptedException {
        Process p = corosync[node];
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private void createNetwork() throws Exception {
        for (int i = 1; i <= nodes; i++) {
            run(List.of("ip", "netns", "add", namespace(i)));
            namespaces.add(namespace(i));
            run(List.of("ip", "-n", namespace(i), "link", "set", "lo", "up"));
        }
        if (nodes == 2) {
            run(List.of("ip", "-n", namespace(1), "link", "add", "qbe0", "type", "veth",
                    "peer", "name", "qbe0", "netns", namespace(2)));
            for (int i = 1; i <= 2; i++) {
                run(List.of("ip", "-n", namespace(i), "addr", "add", address(i) + "/24", "dev", "qbe0"));
                run(List.of("ip", "-n", namespace(i), "link", "set", "qbe0", "up"));
            }
        } else if (nodes != 1) {
            throw new IllegalArgumentException("the lab builds 1 or 2 nodes, not " + nodes);
        }
    }

    private String address(int node) {
        return nodes == 1 ? "127.0.0.1" : "198.18.250." + node;
    }

    private void startCorosync(int node) throws Exception {
        Path nd = dir.resolve("n" + node);
        Files.createDirectories(nd.resolve("lib"));
        Files.createDirectories(nd.resolve("run"));
        Path conf = nd.resolve("corosync.conf");
        Files.writeString(conf, config(), StandardCharsets.UTF_8);
        String script = "mount --bind " + nd.resolve("lib") + " /var/lib/corosync && mount --bind " + nd.resolve("run")
                + " /run && exec corosync -f -c " + conf;
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", namespace(node),
                "unshare", "--mount", "--propagation", "private", "sh", "-c", script);
        pb.redirectErrorStream(true);
        pb.redirectOutput(nd.resolve("corosync.log").toFile());
        corosync[node] = pb.start(); // exec chain: this pid is corosync's
    }

    private void awaitIpc(int node) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!corosync[node].isAlive()) {
                fail("corosync on node " + node + " exited: " + Files.readString(dir.resolve("n" + node + "/corosync.log")));
            }
            Process p = new ProcessBuilder("ip", "netns", "exec", namespace(node), "corosync-cmapctl", "-g",
                    "runtime.votequorum.this_node_id").redirectErrorStream(true).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        fail("corosync on node " + node + " did not answer IPC within 20 s");
    }

    private String config() {
        StringBuilder nodelist = new StringBuilder();
        for (int i = 1; i <= nodes; i++) {
            nodelist.append("  node {\n    name: n").append(i).append("\n    nodeid: ").append(i)
                    .append("\n    quorum_votes: 1\n    ring0_addr: ").append(address(i))
                    .append("\n    datacenterid: ").append(10 + i).append("\n  }\n");
        }
        return "totem {\n  version: 2\n  cluster_name: qbe" + id + "\n  config_version: 4\n  transport: knet\n"
                + "  crypto_cipher: none\n  crypto_hash: none\n}\n"
                + "nodelist {\n" + nodelist + "}\n"
                + "quorum {\n  provider: corosync_votequorum\n  device {\n    model: net\n    votes: 1\n"
                + "    timeout: " + DEVICE_TIMEOUT_MS + "\n    sync_timeout: 5000\n"
                + "    net {\n      host: 198.18.250.100\n      algorithm: ffsplit\n      tls: off\n    }\n  }\n}\n"
                + "logging {\n  to_stderr: yes\n  to_syslog: no\n  timestamp: hires\n}\n";
    }

    @Override
    public void close() throws Exception {
        for (int i = 1; i <= nodes; i++) {
            stopCorosync(i);
        }
        for (String ns : namespaces) {
            // Anything still inside our namespace was started by this lab (a probe, a tool).
            for (String pid : runQuiet(List.of("ip", "netns", "pids", ns)).split("\\s+")) {
                if (!pid.isBlank()) {
                    runQuiet(List.of("kill", "-9", pid));
                }
            }
            runQuiet(List.of("ip", "netns", "del", ns));
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static String runQuiet(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
