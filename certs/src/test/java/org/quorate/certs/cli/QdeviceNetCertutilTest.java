package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.pki.Names;
import org.quorate.certs.store.NodeCertStore;
import org.quorate.certs.store.QnetdCertStore;

class QdeviceNetCertutilTest {
    @TempDir
    Path conf;

    private Path node() {
        return conf.resolve("qdevice/net/nssdb");
    }

    private Path qnetd() {
        return conf.resolve("qnetd/nssdb");
    }

    @Test
    void fullFlowAgainstQuorateQnetdSide() throws Exception {
        assertThat(CliRun.qnetd(conf, "-i").exitCode()).isZero();
        CliRun init = CliRun.node(conf, "-i", "-c", qnetd().resolve("qnetd-cacert.crt").toString());
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).endsWith("Importing CA\n");
        CliRun request = CliRun.node(conf, "-r", "-n", "lab1");
        assertThat(request).isEqualTo(new CliRun(0, "Creating new certificate request\n"
                + "Certificate request stored in " + node().resolve("qdevice-net-node.crq") + "\n",
                "\n\nGenerating key.  This may take a few moments...\n\n"));
        assertThat(CliRun.qnetd(conf, "-s", "-c", node().resolve("qdevice-net-node.crq").toString(), "-n", "lab1")
                .exitCode()).isZero();
        CliRun imported = CliRun.node(conf, "-M", "-c", qnetd().resolve("cluster-lab1.crt").toString());
        assertThat(imported.out()).isEqualTo("Importing signed cluster certificate\n"
                + "pk12util: PKCS12 EXPORT SUCCESSFUL\n"
                + "Certificate stored in " + node().resolve("qdevice-net-node.p12") + "\n");

        NodeCertStore store = NodeCertStore.load(node());
        assertThat(Names.commonNameOf(store.clientKey().certificate())).contains("lab1");
        assertThat(store.clientKey().certificate().getSerialNumber()).hasToString("103");
        assertThat(store.caCertificate()).isEqualTo(QnetdCertStore.load(qnetd()).caCertificate());
        assertThat(Files.readString(qnetd().resolve("serial.txt")).trim()).isEqualTo("103");
    }

    @Test
    void secondNodeImportsTheBundle() throws Exception {
        Path other = conf.resolve("other");
        CliRun.qnetd(conf, "-i");
        String ca = qnetd().resolve("qnetd-cacert.crt").toString();
        CliRun.node(conf, "-i", "-c", ca);
        CliRun.node(conf, "-r", "-n", "lab1");
        CliRun.qnetd(conf, "-s", "-c", node().resolve("qdevice-net-node.crq").toString(), "-n", "lab1");
        CliRun.node(conf, "-M", "-c", qnetd().resolve("cluster-lab1.crt").toString());

        CliRun.node(other, "-i", "-c", ca);
        CliRun m = CliRun.node(other, "-m", "-c", node().resolve("qdevice-net-node.p12").toString());

        assertThat(m).isEqualTo(new CliRun(0, "Importing cluster certificate and key\n"
                + "pk12util: PKCS12 IMPORT SUCCESSFUL\n", ""));
        assertThat(NodeCertStore.load(other.resolve("qdevice/net/nssdb")).clientKey().privateKey())
                .isEqualTo(NodeCertStore.load(node()).clientKey().privateKey());
    }

    @Test
    void refusalsLeaveNothingBehind() throws Exception {
        CliRun.qnetd(conf, "-i");
        Path garbage = conf.resolve("garbage.crt");
        Files.writeString(garbage, "not a certificate");

        assertThat(CliRun.node(conf, "-i", "-c", conf.resolve("none.crt").toString()))
                .isEqualTo(new CliRun(2, "", "Can't open certificate file " + conf.resolve("none.crt") + "\n"));
        CliRun corrupt = CliRun.node(conf, "-i", "-c", garbage.toString());
        assertThat(corrupt.exitCode()).isEqualTo(1);
        assertThat(corrupt.err()).startsWith("CA certificate file " + garbage + " is corrupt: ");
        assertThat(node()).doesNotExist();
        assertThat(CliRun.node(conf, "-r", "-n", "x")).isEqualTo(new CliRun(1, "",
                "Certificate database doesn't exists. Use corosync-qdevice-net-certutil -i to create it\n"));
        assertThat(CliRun.node(conf, "-r")).isEqualTo(new CliRun(2, "", "You have to specify cluster name\n"));

        CliRun.node(conf, "-i", "-c", qnetd().resolve("qnetd-cacert.crt").toString());
        assertThat(CliRun.node(conf, "-i", "-c", qnetd().resolve("qnetd-cacert.crt").toString()))
                .isEqualTo(new CliRun(1, "", "Certificate database already exists. Delete it to continue\n"));
        CliRun badBundle = CliRun.node(conf, "-m", "-c", garbage.toString());
        assertThat(badBundle.err()).startsWith("PKCS#12 file " + garbage + " is corrupt: ");
        CliRun noRequest = CliRun.node(conf, "-M", "-c", qnetd().resolve("qnetd-cacert.crt").toString());
        assertThat(noRequest.exitCode()).isEqualTo(1);
        assertThat(noRequest.err()).contains("No pending certificate request key");
        assertThat(node().resolve("qdevice-net-node.p12")).doesNotExist();
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        Path foreign = conf.resolve("foreign");
        CliRun.qnetd(conf, "-i");
        CliRun.qnetd(foreign, "-i");
        CliRun.node(conf, "-i", "-c", qnetd().resolve("qnetd-cacert.crt").toString());
        CliRun.node(conf, "-r", "-n", "lab1");
        CliRun.qnetd(foreign, "-s", "-c", node().resolve("qdevice-net-node.crq").toString(), "-n", "lab1");

        CliRun run = CliRun.node(conf, "-M", "-c", foreign.resolve("qnetd/nssdb/cluster-lab1.crt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not issued by the QNet CA");
    }

    @Test
    void quickStartRunsTheScriptsRemoteSequence() {
        List<String> log = new ArrayList<>();
        QuickStart.Runner runner = (command, discard) -> {
            List<String> shown = new ArrayList<>(command);
            shown.replaceAll(word -> word.replaceAll("/tmp/quorate-quickstart\\d+\\.tmp", "TMP"));
            log.add(String.join(" | ", shown));
            // "[ -d nssdb ]" must fail (node not initialized); everything else succeeds
            return command.get(command.size() - 1).startsWith("[ -d") ? 1 : 0;
        };
        CliRun run = CliRun.node(conf, runner, "-S", "myssh -p 2", "-C", "mycp", "-Q", "-n", "c 1", "q", "n1", "n2");

        assertThat(run.exitCode()).isZero();
        String nodeDir = node().toString();
        String qnetdDir = qnetd().toString();
        assertThat(log).containsExactly(
                "myssh | -p | 2 | root@n1 | [ -d '" + nodeDir + "' ]",
                "myssh | -p | 2 | root@n1 | corosync-qdevice-net-certutil",
                "myssh | -p | 2 | root@n2 | [ -d '" + nodeDir + "' ]",
                "myssh | -p | 2 | root@n2 | corosync-qdevice-net-certutil",
                "myssh | -p | 2 | root@q | corosync-qnetd-certutil -i",
                "mycp | root@q:" + qnetdDir + "/qnetd-cacert.crt | TMP",
                "mycp | TMP | root@n1:/tmp/qnetd-cacert.crt",
                "myssh | -p | 2 | root@n1 | corosync-qdevice-net-certutil -i -c '/tmp/qnetd-cacert.crt'"
                        + " && rm '/tmp/qnetd-cacert.crt'",
                "mycp | root@q:" + qnetdDir + "/qnetd-cacert.crt | TMP",
                "mycp | TMP | root@n2:/tmp/qnetd-cacert.crt",
                "myssh | -p | 2 | root@n2 | corosync-qdevice-net-certutil -i -c '/tmp/qnetd-cacert.crt'"
                        + " && rm '/tmp/qnetd-cacert.crt'",
                "myssh | -p | 2 | root@n1 | corosync-qdevice-net-certutil -r -n 'c 1'",
                "mycp | root@n1:" + nodeDir + "/qdevice-net-node.crq | TMP",
                "mycp | TMP | root@q:/tmp/qdevice-net-node.crq",
                "myssh | -p | 2 | root@q | corosync-qnetd-certutil -s -c '/tmp/qdevice-net-node.crq' -n 'c 1'",
                "mycp | root@q:" + qnetdDir + "/cluster-c 1.crt | TMP",
                "mycp | TMP | root@n1:" + nodeDir + "/cluster-c 1.crt",
                "myssh | -p | 2 | root@n1 | corosync-qdevice-net-certutil -M -c '" + nodeDir + "/cluster-c 1.crt'",
                "mycp | root@n1:" + nodeDir + "/qdevice-net-node.p12 | TMP",
                "mycp | TMP | root@n2:" + nodeDir + "/qdevice-net-node.p12",
                "myssh | -p | 2 | root@n2 | corosync-qdevice-net-certutil -m -c '" + nodeDir + "/qdevice-net-node.p12'");
    }

    @Test
    void quickStartChecksItsOperandsAndStopsOnFailure() {
        assertThat(CliRun.node(conf, "-Q", "-n", "c1"))
                .isEqualTo(new CliRun(2, "", "No QNetd server address provided.\n"));
        assertThat(CliRun.node(conf, "-Q", "-n", "c1", "q")).isEqualTo(new CliRun(2, "", "No nodes provided.\n"));
        assertThat(CliRun.node(conf, "-Q", "q", "n1")).isEqualTo(new CliRun(2, "", "You have to specify cluster name\n"));

        List<String> log = new ArrayList<>();
        CliRun initialized = CliRun.node(conf, (command, discard) -> {
            log.add(command.get(command.size() - 1));
            return 0;
        }, "-Q", "-n", "c1", "q", "n1");
        assertThat(initialized).isEqualTo(new CliRun(1, "",
                "Node n1 seems to be already initialized. Please delete " + node() + "\n"));
        assertThat(log).hasSize(1);

        CliRun failing = CliRun.node(conf, (command, discard) -> {
            String last = command.get(command.size() - 1);
            return last.startsWith("[ -d") || last.contains("-r -n") ? 1 : 0;
        }, "-Q", "-n", "c1", "q", "n1");
        assertThat(failing).isEqualTo(new CliRun(1, "", "Quick start stopped: '-r' on n1 exited with 1\n"));
    }

    @Test
    void usageNamesTheProgramAndTheExtensions() {
        CliRun help = CliRun.node(conf, "-h");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("corosync-qdevice-net-certutil: [-i|-m|-M|-r|-s|-Q] [-c certificate]"
                + " [-n cluster_name]\n");
        assertThat(help.out()).contains(" -S remote_shell ", " --import-nss ", "QUORATE_COROSYNC_CONF_DIR");
        assertThat(CliRun.node(conf, "-Z")).isEqualTo(new CliRun(1, "", "Invalid option: -Z\n"));
        assertThat(CliRun.node(conf, "-S")).isEqualTo(new CliRun(1, "", "Option -S requires an argument.\n"));
    }
}
