package org.quorate.qnetd.docker;

import com.github.dockerjava.api.model.Capability;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.LocalImages;
import org.quorate.testsupport.lab.Await;
import org.quorate.testsupport.lab.QuorumStatus;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Two Debian hosts running the real C stack (corosync 3.1.7, corosync-qdevice 3.0.3) with a net qdevice
 * pointing at {@link QuorateQnetdHost#ALIAS}: TLS on, ffsplit, tie-breaker lowest. Certificates follow
 * {@code pvecm qdevice setup}, with the C node tool on the nodes and Quorate's CA on the qnetd side.
 */
final class TwoNodeCorosync implements AutoCloseable {
    static final String CLUSTER = "dockerit";
    private static final String NODE_DB = "/etc/corosync/qdevice/net/nssdb";

    private final List<GenericContainer<?>> nodes;

    TwoNodeCorosync(Network network) {
        nodes = List.of(node(network, "n1"), node(network, "n2"));
    }

    private static GenericContainer<?> node(Network network, String alias) {
        // NET_ADMIN only for the iptables partition inside the node; corosync itself needs no capability.
        return DockerLab.host(LocalImages.COROSYNC, network, alias)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN));
    }

    /** {@code id} 1 or 2. */
    GenericContainer<?> node(int id) {
        return nodes.get(id - 1);
    }

    List<GenericContainer<?>> containers() {
        return nodes;
    }

    /** corosync.conf and authkey on both nodes, then the node certificates signed by {@code qnetd}'s CA. */
    void configure(QuorateQnetdHost qnetd) {
        for (GenericContainer<?> n : nodes) {
            n.copyFileToContainer(Transferable.of(corosyncConf()), "/etc/corosync/corosync.conf");
        }
        Containers.run(node(1), "corosync-keygen", "-k", "/etc/corosync/authkey");
        byte[] authkey = Containers.read(node(1), "/etc/corosync/authkey");
        node(2).copyFileToContainer(Transferable.of(authkey, 0400), "/etc/corosync/authkey");

        byte[] caExport = qnetd.caExport();
        for (GenericContainer<?> n : nodes) {
            n.copyFileToContainer(Transferable.of(caExport), "/tmp/qnetd-cacert.crt");
            Containers.run(n, "corosync-qdevice-net-certutil", "-i", "-c", "/tmp/qnetd-cacert.crt");
        }
        Containers.run(node(1), "corosync-qdevice-net-certutil", "-r", "-n", CLUSTER);
        byte[] request = Containers.read(node(1), NODE_DB + "/qdevice-net-node.crq");
        byte[] clusterCert = ClusterCertificateSigner.sign(qnetd.caKeyStore(), request, Instant.now());
        String certPath = NODE_DB + "/cluster-" + CLUSTER + ".crt";
        node(1).copyFileToContainer(Transferable.of(clusterCert), certPath);
        Containers.run(node(1), "corosync-qdevice-net-certutil", "-M", "-c", certPath);
        byte[] p12 = Containers.read(node(1), NODE_DB + "/qdevice-net-node.p12");
        node(2).copyFileToContainer(Transferable.of(p12, 0600), "/tmp/qdevice-net-node.p12");
        Containers.run(node(2), "corosync-qdevice-net-certutil", "-m", "-c", "/tmp/qdevice-net-node.p12");
    }

    /** corosync first; the qdevice only once corosync answers IPC (recipe pitfall 4). */
    void startDaemons() {
        for (GenericContainer<?> n : nodes) {
            Containers.startDaemon(n, "corosync -f", "/var/log/corosync/corosync.stdout");
        }
        for (GenericContainer<?> n : nodes) {
            Await.until(Containers.name(n) + " corosync IPC", Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> Containers.exec(n, "corosync-cmapctl", "-g", "totem.cluster_name").getExitCode(),
                    rc -> rc == 0, rc -> "corosync-cmapctl exit " + rc);
        }
        for (GenericContainer<?> n : nodes) {
            Containers.startDaemon(n, "corosync-qdevice -f", "/var/log/corosync/qdevice.log");
        }
    }

    /** Raw {@code corosync-quorumtool -s} of node {@code id} (exit code 2 means "not quorate", not a failure). */
    String quorumtool(int id) {
        var r = Containers.exec(node(id), "corosync-quorumtool", "-s");
        return r.getStdout() + r.getStderr();
    }

    QuorumStatus status(int id) {
        return QuorumStatus.parse(quorumtool(id));
    }

    QuorumStatus await(int id, String what, Duration timeout, Predicate<QuorumStatus> done) {
        return Await.until("node " + id + ": " + what, timeout, Duration.ofMillis(200), () -> status(id), done,
                QuorumStatus::compact);
    }

    /** Drops all traffic between the two nodes in both directions; both still reach qnetd. */
    void cut() {
        iptables("-I");
    }

    void heal() {
        iptables("-D");
    }

    private void iptables(String op) {
        for (int id = 1; id <= 2; id++) {
            String peer = Containers.ipAddress(node(3 - id));
            Containers.run(node(id), "sh", "-c", "iptables " + op + " INPUT -s " + peer + " -j DROP && iptables "
                    + op + " OUTPUT -d " + peer + " -j DROP");
        }
    }

    /** Logs of both nodes, for a failure message. */
    String diagnostics() {
        StringBuilder sb = new StringBuilder();
        for (int id = 1; id <= 2; id++) {
            sb.append("== n").append(id).append(" quorumtool\n").append(quorumtool(id))
                    .append("== n").append(id).append(" qdevice.log\n")
                    .append(Containers.tail(node(id), "/var/log/corosync/qdevice.log"))
                    .append("== n").append(id).append(" corosync.log\n")
                    .append(Containers.tail(node(id), "/var/log/corosync/corosync.log"));
        }
        return sb.toString();
    }

    private static String corosyncConf() {
        return """
                totem {
                  version: 2
                  cluster_name: %s
                  config_version: 1
                  transport: knet
                  ip_version: ipv4
                  link_mode: passive
                  secauth: on
                  crypto_cipher: aes256
                  crypto_hash: sha256
                  interface {
                    linknumber: 0
                  }
                }
                nodelist {
                  node {
                    name: n1
                    nodeid: 1
                    quorum_votes: 1
                    ring0_addr: n1
                  }
                  node {
                    name: n2
                    nodeid: 2
                    quorum_votes: 1
                    ring0_addr: n2
                  }
                }
                quorum {
                  provider: corosync_votequorum
                  device {
                    model: net
                    votes: 1
                    net {
                      tls: on
                      host: %s
                      algorithm: ffsplit
                      tie_breaker: lowest
                    }
                  }
                }
                logging {
                  to_syslog: no
                  to_stderr: no
                  to_logfile: yes
                  logfile: /var/log/corosync/corosync.log
                  timestamp: hires
                  fileline: off
                  debug: off
                }
                """.formatted(CLUSTER, QuorateQnetdHost.ALIAS);
    }

    @Override
    public void close() {
        nodes.forEach(GenericContainer::stop);
    }
}
