package org.quorate.deploy.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code pvecm qdevice setup} and {@code pvecm qdevice remove} as Proxmox VE runs them, on one stack: the
 * command sequence of pve-cluster's pvecm.pm scripted in {@code pvecm-qdevice.sh} (test resource; its header
 * says where each step comes from), run as root on node1 of a two-node corosync 3.1.7 cluster against the
 * arbiter host "qnetd" over ssh with keys. A directory /etc/pve on both nodes stands in for pmxcfs (the script
 * replicates it and copies corosync.conf into /etc/corosync, as pmxcfs does); corosync-cfgtool -R and
 * systemctl are the real ones. Every command of the script becomes a step with its exit code; the file names
 * and modes left on the arbiter and the nodes and the quorum state are steps too.
 */
final class PvecmFlow {
    static final List<String> HOSTS = List.of("qnetd", "node1", "node2");
    static final Set<String> NET_ADMIN = Set.of();
    static final Set<String> MASKED = FlowLab.WITHOUT_PCSD;
    static final String CLUSTER = "pvelab";
    private static final String SCRIPT = "/usr/local/sbin/pvecm-qdevice.sh";
    private static final Duration QUORUM_WAIT = Duration.ofSeconds(90);

    private PvecmFlow() {
    }

    static void run(FlowLab lab, FlowRun run) {
        FlowHost qnetd = lab.host("qnetd");
        FlowHost node1 = lab.host("node1");
        FlowHost node2 = lab.host("node2");
        List<FlowHost> nodes = List.of(node1, node2);
        Normaliser normaliser = new Normaliser(lab.hosts());
        run.normaliseWith(normaliser);

        run.installPackages(qnetd, nodes);
        RootSsh.connect(lab.hosts());

        // The cluster as `pvecm create` + `pvecm add` leave it: /etc/pve/corosync.conf in Proxmox's form
        node1.put(corosyncConf(node1, node2).getBytes(), "640", "/etc/pve/corosync.conf");
        run.recordExit("corosync authkey (node1)", node1.sh("corosync-keygen -l -k /etc/corosync/authkey"));
        run.recordExit("authkey and /etc/pve to node2", node2.sh("scp -o BatchMode=yes -p "
                + "root@node1:/etc/corosync/authkey /etc/corosync/ && mkdir -p /etc/pve && "
                + "scp -o BatchMode=yes -p root@node1:/etc/pve/corosync.conf /etc/pve/"));
        for (FlowHost n : nodes) {
            run.recordExit("start corosync (" + n.name + ")",
                    n.sh("cp /etc/pve/corosync.conf /etc/corosync/corosync.conf && systemctl start corosync"));
        }
        for (FlowHost n : nodes) {
            QuorumView.await(run, "two nodes quorate (" + n.name + ")", n, QUORUM_WAIT,
                    s -> s.quorate() && s.members().size() == 2);
        }
        node1.put(script(), "755", SCRIPT);

        // pvecm qdevice setup
        String env = "PVECM_MEMBERS='node1=" + node1.ip() + " node2=" + node2.ip() + "' PVECM_STEPS=/root/steps ";
        run.record("pvecm qdevice setup " + qnetd.name, node1.sh(env + SCRIPT + " setup " + qnetd.ip() + " 2>&1"));
        recordScriptSteps(run, node1, normaliser, "setup");
        for (FlowHost n : nodes) {
            QuorumView.await(run, "device vote (" + n.name + ")", n, QUORUM_WAIT, s -> s.quorateWithQdevice(2));
        }
        run.record("corosync-qnetd-tool -l (qnetd)", qnetd.sh("corosync-qnetd-tool -l"));
        run.recordFiles("files on qnetd after setup", FileList.of(qnetd, "/etc/corosync/qnetd"));
        for (FlowHost n : nodes) {
            run.recordFiles("files on " + n.name + " after setup", FileList.of(n, "/etc/corosync/qdevice"));
            run.recordFiles("/etc/pve on " + n.name + " after setup", FileList.of(n, "/etc/pve"));
        }

        // pvecm qdevice remove
        run.record("pvecm qdevice remove", node1.sh(env + SCRIPT + " remove 2>&1"));
        recordScriptSteps(run, node1, normaliser, "remove");
        for (FlowHost n : nodes) {
            // Both must end quorate without a device vote; how differs, deliberately (README, "Differences from
            // the C programs"): C's qdevice exits 1 when the reload takes its device away ("50:50 split algorithm
            // works only if qdevice has exactly 1 vote") and leaves its registration behind (flag Qdevice, members
            // NA,NV, 0 votes); Quorate's ignores that reload, stays until stopped and then unregisters.
            QuorumView.awaitVerdict(run, "after remove: quorate, no device vote (" + n.name + ")", n, QUORUM_WAIT,
                    s -> s.quorate() && !s.qdeviceVoteCounted() && s.members().size() == 2);
            // running or not, not inactive/failed: pvecm reloads corosync (device gone) 1 s before it stops the
            // daemon, and whether C's qdevice exits by itself first ('failed') or is stopped ('inactive') is a race
            run.record("qdevice unit after remove (" + n.name + ")", n.sh("systemctl is-enabled corosync-qdevice; "
                    + "systemctl is-active -q corosync-qdevice && echo running || echo stopped"));
            run.recordFiles("files on " + n.name + " after remove", FileList.of(n, "/etc/corosync/qdevice"));
        }
        run.recordFiles("files on qnetd after remove", FileList.of(qnetd, "/etc/corosync/qnetd"));
    }

    /** Every command the script ran ("step\texit\tnoerr|fatal\tcommand" lines in /root/steps) as a step. */
    private static void recordScriptSteps(FlowRun run, FlowHost node, Normaliser normaliser, String phase) {
        Outcome log = node.shOk("cat /root/steps 2>/dev/null; rm -f /root/steps");
        for (String line : log.stdout().split("\n")) {
            String[] f = line.split("\t", 4);
            if (f.length < 4) {
                continue;
            }
            String name = phase + " " + f[0] + ": " + clip(shortCommand(normaliser.apply(f[3])));
            Outcome o = new Outcome(node.name, f[3], Integer.parseInt(f[1]), "", "");
            if (f[2].equals("noerr")) {
                run.recordTolerated(name, o); // pvecm goes on whatever this gives (run_command noerr => 1)
            } else {
                run.recordExit(name, o);
            }
        }
    }

    /** The script's commands in the spec's shorthand (node-and-link.md 6.7: SSH_Q, SCP, SSH_N(node)). */
    static String shortCommand(String command) {
        return command
                .replaceAll("^sh -c tar -C '([^']+)' -cf - \\. \\| ssh .*HostKeyAlias='([^']+)'.*", "replicate $1 to $2")
                .replaceAll("^prefix_lines \\S+ ", "")
                .replaceAll("ssh -e none -o BatchMode=yes -o HostKeyAlias=(\\S+) root@\\S+ -- ", "SSH_N($1) ")
                .replaceAll("ssh -o BatchMode=yes -lroot \\S+ ", "SSH_Q ")
                .replaceAll("scp -o BatchMode=yes ", "SCP ");
    }

    private static String clip(String s) {
        return s.length() > 90 ? s.substring(0, 87) + "..." : s;
    }

    /** Two nodes in the canonical form of PVE::Corosync::write_conf (node-and-link.md 1.3), version 1. */
    static String corosyncConf(FlowHost node1, FlowHost node2) {
        return """
                logging {
                  debug: off
                  to_syslog: yes
                }

                nodelist {
                  node {
                    name: node1
                    nodeid: 1
                    quorum_votes: 1
                    ring0_addr: %s
                  }
                  node {
                    name: node2
                    nodeid: 2
                    quorum_votes: 1
                    ring0_addr: %s
                  }
                }

                quorum {
                  provider: corosync_votequorum
                }

                totem {
                  cluster_name: %s
                  config_version: 1
                  interface {
                    linknumber: 0
                  }
                  ip_version: ipv4-6
                  link_mode: passive
                  secauth: on
                  version: 2
                }

                """.formatted(node1.ip(), node2.ip(), CLUSTER);
    }

    private static byte[] script() {
        try (InputStream in = Objects.requireNonNull(PvecmFlow.class.getResourceAsStream("/pvecm-qdevice.sh"),
                "test resource /pvecm-qdevice.sh")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading test resource /pvecm-qdevice.sh", e);
        }
    }
}
