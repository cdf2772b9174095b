package org.quorate.qnetd.docker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.LocalImages;
import org.quorate.testsupport.lab.Await;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8: in a Docker container (no IPv6 addresses, {@code disable_ipv6=1}) the C corosync-qnetd 3.0.3 listens
 * dual-stack on {@code ::} and {@code corosync-qnetd-tool -l -v} prints IPv4 clients as
 * {@code ::ffff:a.b.c.d:port}; Quorate's qnetd, side by side in the same container, must print the same line.
 * A client in a second container joins each server; the lines are compared byte for byte (with the port of each
 * connection), and the JSON form carries the canonical address.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClientAddressTextIT {
    private static final String JAR = "/opt/quorate/quorate-qnetd.jar";
    private static final String CLIENT_DIR = "/opt/client";
    private static final String QUORATE_RUN = "QUORATE_RUN_DIR=/run/quorate";
    private static final Pattern CLIENT_ADDRESS = Pattern.compile("(?m)^\\s*Client address:\\t\\t(.*)$");

    private Network network;
    private GenericContainer<?> arbiter;
    private GenericContainer<?> node;

    @BeforeAll
    void start() {
        DockerLab.requireEngine();
        network = DockerLab.internalNetwork();
        arbiter = DockerLab.host(LocalImages.COROSYNC, network, "arbiter")
                .withCopyFileToContainer(MountableFile.forHostPath(QuorateQnetdHost.shadedJar()), JAR);
        node = DockerLab.host(LocalImages.JRE, network, "node")
                .withCopyFileToContainer(MountableFile.forHostPath(QuorateQnetdHost.shadedJar()), JAR)
                .withCopyFileToContainer(MountableFile.forClasspathResource(
                        "org/quorate/qnetd/docker/PlainQnetNode.class"),
                        CLIENT_DIR + "/org/quorate/qnetd/docker/PlainQnetNode.class");
        arbiter.start();
        node.start();
        Containers.run(arbiter, "mkdir", "-p", "/var/run/corosync-qnetd", "/run/quorate");
        Containers.startDaemon(arbiter, "corosync-qnetd -f -s off", "/var/log/c-qnetd.log");
        Containers.startDaemon(arbiter, "env " + QUORATE_RUN + " java -Xmx96m -jar " + JAR + " -f -s off -p 5404",
                "/var/log/quorate-qnetd.log");
        Await.until("both qnetd daemons listening", Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> Containers.run(arbiter, "cat", "/proc/net/tcp6", "/proc/net/tcp"),
                t -> listening(t, "151B") && listening(t, "151C"), t -> t + diagnostics());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.stop();
        }
        if (arbiter != null) {
            arbiter.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void bothServersPrintTheDualStackClientAddressTheSameWay() {
        String nodeIp = Containers.ipAddress(node);
        int cPort = join(5403, "cclust");
        int quoratePort = join(5404, "qclust");

        String cList = Containers.run(arbiter, "corosync-qnetd-tool", "-l", "-v");
        String quorateList = Containers.run(arbiter, "sh", "-c", QUORATE_RUN + " java -cp " + JAR
                + " org.quorate.qnetd.admin.QnetdTool -p /run/quorate/corosync-qnetd.sock -l -v");
        System.out.println("C corosync-qnetd-tool -l -v:\n" + cList + "Quorate -l -v:\n" + quorateList);
        String cLine = clientAddressLine(cList);
        String quorateLine = clientAddressLine(quorateList);
        assertThat(cLine).as("the C daemon's line").isEqualTo("::ffff:" + nodeIp + ":" + cPort);
        assertThat(quorateLine).as("Quorate's line").isEqualTo("::ffff:" + nodeIp + ":" + quoratePort);
        assertThat(quorateList.replace(":" + quoratePort + "\n", ":" + cPort + "\n")
                .lines().filter(l -> l.contains("Client address:")).toList())
                .as("the whole line, byte for byte, with the C connection's port")
                .containsExactlyElementsOf(cList.lines().filter(l -> l.contains("Client address:")).toList());
        assertThat(Containers.run(arbiter, "cat", "/var/log/quorate-qnetd.log"))
                .doesNotContain("listening on IPv4 only");

        String json = Containers.run(arbiter, "sh", "-c", QUORATE_RUN + " java -cp " + JAR
                + " org.quorate.qnetd.admin.QnetdTool -p /run/quorate/corosync-qnetd.sock -l --output-format json");
        assertThat(json).contains("\"address\":\"::ffff:" + nodeIp + ":" + quoratePort + "\"",
                "\"host\":\"" + nodeIp + "\"", "\"port\":" + quoratePort);
    }

    /** Starts a client in the node container against {@code port}; returns its local port once it has joined. */
    private int join(int port, String cluster) {
        String log = "/tmp/client-" + port + ".log";
        Containers.startDaemon(node, "java -Xmx64m -cp " + JAR + ":" + CLIENT_DIR
                + " org.quorate.qnetd.docker.PlainQnetNode arbiter " + port + " " + cluster + " 1", log);
        String joined = Await.until("client of port " + port + " joined", Duration.ofSeconds(60),
                Duration.ofMillis(200), () -> Containers.tail(node, log),
                l -> l.contains("JOINED ") || l.contains("Exception"), l -> l + diagnostics());
        Matcher m = Pattern.compile("JOINED (\\d+)").matcher(joined);
        assertThat(m.find()).as("client log: %s%s", joined, diagnostics()).isTrue();
        // the server lists a client once it has handled the node lists, which follow INIT at once
        Await.until("listed by the server of port " + port, Duration.ofSeconds(20), Duration.ofMillis(200),
                () -> port == 5403 ? Containers.exec(arbiter, "corosync-qnetd-tool", "-l").getStdout()
                        : Containers.exec(arbiter, "sh", "-c", QUORATE_RUN + " java -cp " + JAR
                        + " org.quorate.qnetd.admin.QnetdTool -p /run/quorate/corosync-qnetd.sock -l").getStdout(),
                l -> l.contains(cluster), l -> l + diagnostics());
        return Integer.parseInt(m.group(1));
    }

    /** A line of /proc/net/tcp or tcp6 in state LISTEN (0A) for the hex port. */
    private static boolean listening(String procNetTcp, String hexPort) {
        return procNetTcp.lines().anyMatch(l -> l.matches("\\s*\\d+: [0-9A-F]+:" + hexPort + " [0-9A-F]+:0000 0A .*"));
    }

    private static String clientAddressLine(String list) {
        Matcher m = CLIENT_ADDRESS.matcher(list);
        assertThat(m.find()).as("a Client address line in:%n%s", list).isTrue();
        return m.group(1);
    }

    private String diagnostics() {
        return "\n== C qnetd log\n" + Containers.tail(arbiter, "/var/log/c-qnetd.log")
                + "\n== Quorate qnetd log\n" + Containers.tail(arbiter, "/var/log/quorate-qnetd.log");
    }
}
