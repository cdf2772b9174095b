package org.quorate.testsupport.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The certificate steps of {@code pvecm qdevice setup}, each run "on" its host with the pluggable certutil
 * commands of {@link StackCommands}; the files pvecm would scp are copied between the host directories.
 *
 * <pre>
 * qnetd# QNETD_CERTUTIL -i                                   (once per qnetd host: CA + server cert)
 * node#  NODE_CERTUTIL -i -c /run/qnetd-cacert.crt            (every node)
 * n1#    NODE_CERTUTIL -r -n NAME                             (CSR)
 * qnetd# QNETD_CERTUTIL -s -c /run/qdevice-net-node.crq -n NAME
 * n1#    NODE_CERTUTIL -M -c /etc/corosync/qdevice/net/nssdb/cluster-NAME.crt   (-> p12)
 * nX#    NODE_CERTUTIL -m -c /etc/corosync/qdevice/net/nssdb/qdevice-net-node.p12
 * </pre>
 */
final class CertificateProcedure {
    static final String QNETD_DB = "qnetd/nssdb";
    static final String NODE_DB = "qdevice/net/nssdb";

    private final NetnsLab lab;
    private final StackCommands commands;

    CertificateProcedure(NetnsLab lab, StackCommands commands) {
        this.lab = lab;
        this.commands = commands;
    }

    /** Creates the qnetd CA and server certificate unless the host already has them. */
    void initQnetd(String qnetdHost) {
        if (Files.exists(lab.host(qnetdHost).etc().resolve(QNETD_DB).resolve("qnetd-cacert.crt"))) {
            return;
        }
        step(qnetdHost, commands.qnetdCertutil(), "-i");
    }

    void enrollCluster(String qnetdHost, ClusterSpec spec) {
        LabHost qnetd = lab.host(qnetdHost);
        Path ca = qnetd.etc().resolve(QNETD_DB).resolve("qnetd-cacert.crt");
        if (!Files.exists(ca)) {
            throw new IllegalStateException("qnetd host has no CA " + ca + " (start qnetd with TLS first)");
        }
        String name = spec.name();
        LabHost first = lab.host(spec.hostOf(1));
        for (int i = 1; i <= spec.nodes(); i++) {
            LabHost node = lab.host(spec.hostOf(i));
            copy(ca, node.run().resolve("qnetd-cacert.crt"));
            step(node.name(), commands.nodeCertutil(), "-i", "-c", "/run/qnetd-cacert.crt");
        }
        step(first.name(), commands.nodeCertutil(), "-r", "-n", name);
        copy(first.etc().resolve(NODE_DB).resolve("qdevice-net-node.crq"), qnetd.run().resolve("qdevice-net-node.crq"));
        step(qnetdHost, commands.qnetdCertutil(), "-s", "-c", "/run/qdevice-net-node.crq", "-n", name);
        String crt = "cluster-" + name + ".crt";
        copy(qnetd.etc().resolve(QNETD_DB).resolve(crt), first.etc().resolve(NODE_DB).resolve(crt));
        step(first.name(), commands.nodeCertutil(), "-M", "-c", "/etc/corosync/" + NODE_DB + "/" + crt);
        Path p12 = first.etc().resolve(NODE_DB).resolve("qdevice-net-node.p12");
        for (int i = 2; i <= spec.nodes(); i++) {
            LabHost node = lab.host(spec.hostOf(i));
            copy(p12, node.etc().resolve(NODE_DB).resolve("qdevice-net-node.p12"));
            step(node.name(), commands.nodeCertutil(), "-m", "-c", "/etc/corosync/" + NODE_DB + "/qdevice-net-node.p12");
        }
    }

    private void step(String host, List<String> tool, String... args) {
        List<String> argv = Commands.concat(tool, List.of(args));
        lab.event("certs " + host + "# " + String.join(" ", argv));
        ExecResult r = lab.exec(host, java.time.Duration.ofSeconds(120), argv);
        if (!r.ok()) {
            throw new IllegalStateException("certificate step failed " + r.describe());
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("certificate procedure: cannot copy " + from + " to " + to, e);
        }
    }
}
