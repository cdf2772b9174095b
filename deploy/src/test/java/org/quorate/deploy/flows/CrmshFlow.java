package org.quorate.deploy.flows;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Debian bookworm's crmsh 4.4.1 setting up, checking and removing a quorum device, on one stack. What crmsh
 * runs comes from its own code (crmsh/qdevice.py, bootstrap.py, corosync.py of 4.4.1) and its behave scenarios
 * (test/features/qdevice_setup_remove.feature, qdevice_validate.feature):
 * <ul>
 * <li>the qdevice stage checks {@code dpkg-query --status corosync-qdevice} on the node and
 *     {@code corosync-qnetd} on the arbiter, takes a lock directory on the arbiter over ssh, refuses a cluster
 *     name the arbiter already serves ({@code corosync-qnetd-tool -l -c NAME} while qnetd runs), runs the
 *     certutils over ssh/parallax, writes quorum.device, syncs corosync.conf with csync2, reloads corosync on
 *     every node and (re)starts corosync-qdevice and corosync-qnetd with systemctl;</li>
 * <li>{@code crm corosync status qdevice} is {@code corosync-qdevice-tool -sv}, {@code status qnetd} is
 *     {@code corosync-qnetd-tool -lv -c NAME} over ssh;</li>
 * <li>{@code crm cluster remove --qdevice} removes the cluster's .crt/.crq on the arbiter, quorum.device and
 *     the nodes' /etc/corosync/qdevice/net contents, and stops/disables the daemon.</li>
 * </ul>
 * crmsh's {@code crm cluster join} does not add the node on bookworm (it only does for transport udpu; init
 * writes knet), so node2 joins the way join would without that bug: {@code crm corosync add-node}, crmsh's
 * own csync2_remote stage, the csync2 files copied, {@code csync2 -rxv}, {@code crm cluster start}.
 * node3 is a one-node cluster of the same name, for the duplicate-name refusal.
 */
final class CrmshFlow {
    static final List<String> HOSTS = List.of("qnetd", "node1", "node2", "node3");
    static final Set<String> NET_ADMIN = Set.of("node1", "node2");
    static final Set<String> MASKED = FlowLab.WITHOUT_PCSD;
    static final String CLUSTER = "crmqd";
    private static final Duration QUORUM_WAIT = Duration.ofSeconds(90);

    /**
     * What a bookworm node needs before crmsh 4.4.1's bootstrap works, whichever qdevice package it gets:
     * hacluster's ssh directory (crmsh runs ssh-keygen as hacluster in /var/lib/pacemaker, which hacluster
     * cannot write), the csync2 key where crmsh's csync2.cfg names it (it writes "key
     * /etc/csync2/key_hagroup" but makes /etc/csync2.key_hagroup), the SSL key pair Debian's csync2 wants
     * (/etc/csync2_ssl_*.pem; crmsh makes none), and /etc/corosync/qdevice/net, into which crmsh's certificate
     * step 3 copies the CA on the other nodes (bookworm's corosync-qdevice does not ship it).
     */
    static final String BOOKWORM_PREPARATION = "set -e; install -d -m 700 -o hacluster -g haclient "
            + "/var/lib/pacemaker/.ssh; mkdir -p /etc/csync2; ln -sf /etc/csync2.key_hagroup /etc/csync2/key_hagroup; "
            + "openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj \"/CN=csync2-$(hostname)\" "
            + "-keyout /etc/csync2_ssl_key.pem -out /etc/csync2_ssl_cert.pem 2>/dev/null; "
            + "chmod 600 /etc/csync2_ssl_key.pem; mkdir -p /etc/corosync/qdevice/net";

    private CrmshFlow() {
    }

    static void run(FlowLab lab, FlowRun run) {
        FlowHost qnetd = lab.host("qnetd");
        FlowHost node1 = lab.host("node1");
        FlowHost node2 = lab.host("node2");
        FlowHost node3 = lab.host("node3");
        run.normaliseWith(new Normaliser(lab.hosts()));

        // Packages, on hosts that never had the C ones; ssh between all hosts
        run.installPackages(qnetd, List.of(node1, node2, node3));
        run.record("dpkg-query --status corosync-qnetd (crmsh's check)",
                qnetd.sh("dpkg-query --status corosync-qnetd | grep -E '^(Package|Status):'"));
        run.record("dpkg-query --status corosync-qdevice (crmsh's check)",
                node1.sh("dpkg-query --status corosync-qdevice | grep -E '^(Package|Status):'"));
        RootSsh.connect(lab.hosts());
        for (FlowHost n : List.of(node1, node2, node3)) {
            run.recordExit("prepare " + n.name + " for crmsh 4.4.1 on bookworm", n.sh(BOOKWORM_PREPARATION));
        }
        // csync2 peers authenticate each other by certificate, and GnuTLS only offers a client certificate
        // issued by a name the server asks for: one certificate for the cluster, as Debian's csync2 leaves it
        run.recordExit("csync2 certificate node1 -> node2", node2.sh("scp -o BatchMode=yes -p "
                + "root@node1:/etc/csync2_ssl_key.pem root@node1:/etc/csync2_ssl_cert.pem /etc/"));

        // A two-node cluster
        run.recordExit("crm cluster init -y (node1)", node1.sh("crm cluster init -y -n " + CLUSTER + " -i eth0"));
        run.recordExit("crm corosync add-node node2 (node1)",
                node1.sh("crm corosync add-node " + node2.ip() + " node2"));
        run.recordExit("crm cluster init csync2_remote node2 (node1)",
                node1.sh("crm cluster init -i eth0 csync2_remote node2 -y"));
        run.recordExit("csync2 config to node2", node2.sh("scp -o BatchMode=yes root@node1:/etc/csync2.cfg "
                + "root@node1:/etc/csync2.key_hagroup /etc/ && systemctl enable --now csync2.socket"));
        run.recordExit("csync2 -rxv (node1)",
                node1.sh("csync2 -rm /; csync2 -rxv || { csync2 -rf / && csync2 -rxv; }"));
        run.recordExit("crm cluster start (node2)", node2.sh("crm cluster start"));
        run.record("crm corosync reload (node1)", node1.sh("crm corosync reload"));
        awaitOnline(run, node1, "node1 node2");
        QuorumView.await(run, "two nodes quorate (node1)", node1, QUORUM_WAIT,
                s -> s.quorate() && s.members().size() == 2);

        // The qdevice stage and the status commands
        run.record("crm cluster init qdevice --qnetd-hostname=qnetd -y (node1)",
                node1.sh("crm cluster init qdevice --qnetd-hostname=qnetd -y"));
        for (FlowHost n : List.of(node1, node2)) {
            QuorumView.await(run, "device vote (" + n.name + ")", n, QUORUM_WAIT, s -> s.quorateWithQdevice(2));
        }
        QuorumView.awaitEchoReply(run, node1, QUORUM_WAIT);
        run.record("crm corosync status qdevice (node1)", node1.sh("crm corosync status qdevice"));
        run.record("crm corosync status qnetd (node1)", node1.sh("crm corosync status qnetd"));
        run.record("qnetd, qdevice units enabled", qnetd.sh("systemctl is-enabled corosync-qnetd; "
                + "ssh root@node1 systemctl is-enabled corosync-qdevice; ssh root@node2 systemctl is-enabled "
                + "corosync-qdevice"));
        run.recordFiles("store files on qnetd", FileList.of(qnetd, "/etc/corosync/qnetd"));
        run.recordFiles("store files on node1", FileList.of(node1, "/etc/corosync/qdevice"));
        run.recordFiles("store files on node2", FileList.of(node2, "/etc/corosync/qdevice"));

        // A second cluster with the same name on the same qnetd
        run.recordExit("crm cluster init -y -n " + CLUSTER + " (node3)",
                node3.sh("crm cluster init -y -n " + CLUSTER + " -i eth0"));
        run.recordRefusal("crm cluster init qdevice, same name (node3)",
                node3.sh("crm cluster init qdevice --qnetd-hostname=qnetd -y"));

        // Split between the nodes (qnetd stays reachable from both), heal
        run.record("split node1 | node2", Partition.cut(node1, node2));
        QuorumView.await(run, "split: node2 without quorum", node2, QUORUM_WAIT,
                s -> s.available() && !s.quorate());
        QuorumView.await(run, "split: node1 quorate with the device vote", node1, QUORUM_WAIT,
                s -> s.quorateWithQdevice(1));
        run.record("heal", Partition.heal(node1, node2));
        for (FlowHost n : List.of(node1, node2)) {
            QuorumView.await(run, "healed: device vote (" + n.name + ")", n, QUORUM_WAIT,
                    s -> s.quorateWithQdevice(2));
        }

        // Remove
        run.record("crm cluster remove --qdevice -y (node1)", node1.sh("crm cluster remove --qdevice -y"));
        for (FlowHost n : List.of(node1, node2)) {
            // running or not, not inactive/failed: on systemctl stop the C daemon's heuristics worker gets
            // SIGTERM with it, and whether the daemon exits 0 ('inactive') or first sees "Lost connection with
            // heuristics worker" and exits 1 ('failed') is a race (SystemdUnitsIT sees 'inactive')
            run.record("qdevice unit after remove (" + n.name + ")", n.sh(
                    "systemctl is-active -q corosync-qdevice && echo running || echo stopped; "
                            + "systemctl is-enabled corosync-qdevice; "
                            + "grep -E 'two_node|device' /etc/corosync/corosync.conf; true"));
            QuorumView.await(run, "after remove: quorate, no device (" + n.name + ")", n, QUORUM_WAIT,
                    s -> s.quorate() && !s.qdeviceRegistered() && s.members().size() == 2);
        }
        run.recordFiles("store files on qnetd after remove", FileList.of(qnetd, "/etc/corosync/qnetd"));
        run.recordFiles("store files on node1 after remove", FileList.of(node1, "/etc/corosync/qdevice"));
    }

    /** pacemaker sees {@code nodes} online (what crmsh's list_cluster_nodes and cluster_run_cmd go by). */
    private static void awaitOnline(FlowRun run, FlowHost node, String nodes) {
        long deadline = System.nanoTime() + QUORUM_WAIT.toNanos();
        Outcome o;
        do {
            o = node.sh("crm_mon -1 | grep -E '^ *\\* Online:|^Online:'");
            if (o.stdout().contains("[ " + nodes + " ]")) {
                break;
            }
            sleepQuietly();
        } while (System.nanoTime() < deadline);
        boolean online = o.stdout().contains("[ " + nodes + " ]");
        run.check("pacemaker online: " + nodes, node.name, online, o.stdout().strip());
        if (!online) {
            throw new AssertionError(run.stack.label + " flow stopped: pacemaker does not show " + nodes + " online");
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
