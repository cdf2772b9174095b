package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.pki.Names;
import org.quorate.certs.store.NodeCertStore;
import org.quorate.certs.store.QnetdCertStore;
import org.quorate.certs.store.TlsHandshake;

/**
 * Quorate's certificate tools against Debian's C scripts (corosync-qnetd-certutil,
 * corosync-qdevice-net-certutil, NSS certutil/pk12util). The C scripts hard-code /etc/corosync, so each runs
 * in a private mount namespace with a temporary directory bind-mounted there; the real /etc/corosync is
 * never touched. Needs root (unshare, mount). Prints a transcript of every command and its exit code.
 */
@Tag("realstack")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RealToolsInteropTest {
    private static final String ETC = "/etc/corosync";
    private static final String QNETD_DB = ETC + "/qnetd/nssdb";
    private static final String NODE_DB = ETC + "/qdevice/net/nssdb";

    @TempDir
    Path tmp;

    @BeforeAll
    static void realToolsArePresent() throws Exception {
        for (String tool : List.of("corosync-qnetd-certutil", "corosync-qdevice-net-certutil", "certutil",
                "pk12util", "unshare", "mount")) {
            assertThat(exec(List.of("bash", "-c", "command -v " + tool)).exitCode)
                    .as("%s must be installed for the realstack interop tests", tool).isZero();
        }
    }

    @Test
    void a_quorateQnetdSideWithCNodeSide() throws Exception {
        Path host = conf("a-hosts");       // qnetd and first node share one /etc/corosync, like a lab host
        Path second = conf("a-second");   // a second node
        say("=== (a) Quorate qnetd side + C node side");
        quorateQnetd(host, 0, "-i");
        c(host, 0, "corosync-qdevice-net-certutil -i -c " + QNETD_DB + "/qnetd-cacert.crt");
        c(host, 0, "corosync-qdevice-net-certutil -r -n lab1");
        quorateQnetd(host, 0, "-s", "-c", host.resolve("qdevice/net/nssdb/qdevice-net-node.crq").toString(),
                "-n", "lab1");
        c(host, 0, "corosync-qdevice-net-certutil -M -c " + QNETD_DB + "/cluster-lab1.crt");
        Files.copy(host.resolve("qnetd/nssdb/qnetd-cacert.crt"), tmp.resolve("qnetd-cacert.crt"));
        Files.copy(host.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), tmp.resolve("node.p12"));
        c(second, 0, "corosync-qdevice-net-certutil -i -c " + tmp.resolve("qnetd-cacert.crt"));
        c(second, 0, "corosync-qdevice-net-certutil -m -c " + tmp.resolve("node.p12"));
        for (Path node : List.of(host, second)) {
            Result verify = c(node, 0, "certutil -V -u C -n 'Cluster Cert' -d sql:" + NODE_DB);
            assertThat(verify.output).contains("certutil: certificate is valid");
        }
        Result list = c(second, 0, "certutil -L -d sql:" + NODE_DB);
        assertThat(list.output).containsPattern("QNet CA +CT,c,c").containsPattern("Cluster Cert +u,u,u");

        say("--- (c) for (a): JSSE server from Quorate qnetd files, client from the C -M bundle");
        handshake(QnetdCertStore.load(host.resolve("qnetd/nssdb")), NodeCertStore.load(host.resolve(
                "qdevice/net/nssdb")), "lab1");
    }

    @Test
    void b_cQnetdSideWithQuorateNodeSide() throws Exception {
        Path host = conf("b-hosts");
        Path second = conf("b-second");
        Path cNode = conf("b-c-node");
        say("=== (b) C qnetd side + Quorate node side");
        c(host, 0, "corosync-qnetd-certutil -i");
        quorateNode(host, 0, "-i", "-c", host.resolve("qnetd/nssdb/qnetd-cacert.crt").toString());
        quorateNode(host, 0, "-r", "-n", "lab2");
        c(host, 0, "corosync-qnetd-certutil -s -c " + NODE_DB + "/qdevice-net-node.crq -n lab2");
        quorateNode(host, 0, "-M", "-c", host.resolve("qnetd/nssdb/cluster-lab2.crt").toString());
        quorateNode(second, 0, "-i", "-c", host.resolve("qnetd/nssdb/qnetd-cacert.crt").toString());
        quorateNode(second, 0, "-m", "-c", host.resolve("qdevice/net/nssdb/qdevice-net-node.p12").toString());
        assertThat(c(host, 0, "certutil -L -d sql:" + QNETD_DB + " -n 'QNet CA' -a").output)
                .contains("BEGIN CERTIFICATE");

        say("--- our bundle taken over by a C node (pk12util import)");
        c(cNode, 0, "corosync-qdevice-net-certutil -i -c " + host.resolve("qnetd/nssdb/qnetd-cacert.crt"));
        c(cNode, 0, "corosync-qdevice-net-certutil -m -c " + host.resolve("qdevice/net/nssdb/qdevice-net-node.p12"));
        assertThat(c(cNode, 0, "certutil -V -u C -n 'Cluster Cert' -d sql:" + NODE_DB).output)
                .contains("certutil: certificate is valid");

        say("--- (c) for (b): server from the C qnetd db (after --import-nss), client from Quorate files");
        quorateQnetd(host, 0, "--import-nss");
        handshake(QnetdCertStore.load(host.resolve("qnetd/nssdb")),
                NodeCertStore.load(second.resolve("qdevice/net/nssdb")), "lab2");
    }

    @Test
    void d_migrationFromCDatabases() throws Exception {
        Path host = conf("d-hosts");
        Path second = conf("d-second");
        say("=== (d) migration: everything made by the C tools");
        c(host, 0, "corosync-qnetd-certutil -i");
        c(host, 0, "corosync-qdevice-net-certutil -i -c " + QNETD_DB + "/qnetd-cacert.crt");
        c(host, 0, "corosync-qdevice-net-certutil -r -n lab3");
        c(host, 0, "corosync-qnetd-certutil -s -c " + NODE_DB + "/qdevice-net-node.crq -n lab3");
        c(host, 0, "corosync-qdevice-net-certutil -M -c " + QNETD_DB + "/cluster-lab3.crt");
        Files.copy(host.resolve("qnetd/nssdb/qnetd-cacert.crt"), tmp.resolve("qnetd-cacert.crt"));
        Files.copy(host.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), tmp.resolve("node.p12"));
        c(second, 0, "corosync-qdevice-net-certutil -i -c " + tmp.resolve("qnetd-cacert.crt"));
        c(second, 0, "corosync-qdevice-net-certutil -m -c " + tmp.resolve("node.p12"));

        Path qnetdDir = host.resolve("qnetd/nssdb");
        Path secondDir = second.resolve("qdevice/net/nssdb");
        Throwable before = catchThrowable(() -> QnetdCertStore.load(qnetdDir));
        say("Quorate qnetd before import: " + before.getMessage());
        assertThat(before).hasMessageEndingWith("Convert it once with: corosync-qnetd-certutil --import-nss");
        Throwable nodeBefore = catchThrowable(() -> NodeCertStore.load(secondDir));
        say("Quorate qdevice (second node, no bundle file) before import: " + nodeBefore.getMessage());
        assertThat(nodeBefore).hasMessageEndingWith("corosync-qdevice-net-certutil --import-nss");

        quorateQnetd(host, 0, "--import-nss");
        quorateQnetd(host, 1, "--import-nss");
        assertThat(c(host, 0, "certutil -V -u V -n 'QNetd Cert' -d " + QNETD_DB).output)
                .as("the NSS database stays valid after --import-nss").contains("certificate is valid");
        quorateNode(second, 0, "--import-nss");
        quorateQnetd(host, 0, "-s", "-c", host.resolve("qdevice/net/nssdb/qdevice-net-node.crq").toString(),
                "-n", "lab3");
        assertThat(Files.readString(qnetdDir.resolve("serial.txt")).trim()).isEqualTo("104");

        say("--- (c) for (d): converted qnetd db vs the C -M bundle read in place, and vs the converted node db");
        QnetdCertStore qnetd = QnetdCertStore.load(qnetdDir);
        handshake(qnetd, NodeCertStore.load(host.resolve("qdevice/net/nssdb")), "lab3");
        handshake(qnetd, NodeCertStore.load(secondDir), "lab3");
    }

    @Test
    void e_storesWrittenByQuorateServeTheCTools() throws Exception {
        Path host = conf("e-hosts");
        Path second = conf("e-second");
        Files.createDirectories(host.resolve("qnetd"));
        say("=== (e) reversibility: NSS databases written by Quorate, used by the C tools and the C daemon");
        quorateQnetd(host, 0, "-i");
        assertThat(c(host, 0, "certutil -L -d " + QNETD_DB).output)
                .containsPattern("QNet CA +CTu,u,u").containsPattern("QNetd Cert +u,u,u");
        assertThat(c(host, 0, "certutil -K -d " + QNETD_DB + " -f " + QNETD_DB + "/pwdfile.txt").output)
                .contains("QNet CA").contains("QNetd Cert");
        say("--- a second -i fails like the C script's (pcs sees the NSS files first)");
        CliRun again = CliRun.qnetd(host, "-i");
        Result cAgain = c(host, 1, "corosync-qnetd-certutil -i");
        transcript("quorate corosync-qnetd-certutil -i", again.exitCode(), again.err());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().replace(host.toString(), ETC)).isEqualTo(cAgain.output);

        say("--- Quorate node -i/-r, C qnetd -s on the Quorate-written qnetd db, Quorate node -M");
        quorateNode(host, 0, "-i", "-c", host.resolve("qnetd/nssdb/qnetd-cacert.crt").toString());
        quorateNode(host, 0, "-r", "-n", "lab5");
        Result signed = c(host, 0, "corosync-qnetd-certutil -s -c " + NODE_DB + "/qdevice-net-node.crq -n lab5");
        assertThat(signed.output).contains("Certificate stored in " + QNETD_DB + "/cluster-lab5.crt");
        assertThat(Files.readString(host.resolve("qnetd/nssdb/serial.txt")).trim()).isEqualTo("103");
        quorateNode(host, 0, "-M", "-c", host.resolve("qnetd/nssdb/cluster-lab5.crt").toString());
        assertThat(c(host, 0, "certutil -L -d " + NODE_DB).output)
                .containsPattern("QNet CA +CT,c,c").containsPattern("Cluster Cert +u,u,u");
        assertThat(c(host, 0, "certutil -L -d " + NODE_DB + " -n 'Cluster Cert'").output).contains("CN=lab5");
        assertThat(c(host, 0, "certutil -V -u C -n 'Cluster Cert' -d " + NODE_DB).output)
                .contains("certutil: certificate is valid");
        assertThat(c(host, 0, "certutil -V -u V -n 'QNetd Cert' -d " + QNETD_DB).output)
                .contains("certutil: certificate is valid");

        say("--- Quorate -m on a second node: the C check passes there too");
        Files.copy(host.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), tmp.resolve("e-node.p12"));
        quorateNode(second, 0, "-i", "-c", host.resolve("qnetd/nssdb/qnetd-cacert.crt").toString());
        quorateNode(second, 0, "-m", "-c", tmp.resolve("e-node.p12").toString());
        assertThat(c(second, 0, "certutil -V -u C -n 'Cluster Cert' -d " + NODE_DB).output)
                .contains("certutil: certificate is valid");

        say("--- the C corosync-qnetd starts on the Quorate-written db (it needs \"QNetd Cert\" with its key)");
        String daemon = "timeout 3 corosync-qnetd -f -d -l 127.0.0.1 -p 45413 -S lock_file=" + tmp.resolve("e.pid")
                + ",local_socket_file=" + tmp.resolve("e.sock");
        Result served = c(host, 124, daemon);
        assertThat(served.output).contains("QNetd ready to provide service").doesNotContain("NSS error");
        Path broken = conf("e-broken");
        c(broken, 0, "cp -a " + host.resolve("qnetd") + " " + ETC + "/ && certutil -F -n 'QNetd Cert' -d "
                + QNETD_DB + " -f " + QNETD_DB + "/pwdfile.txt");
        assertThat(c(broken, 1, daemon).output).as("without \"QNetd Cert\" the C daemon does not start")
                .contains("NSS error");

        say("--- a db that differs from the PKCS#12 files is reported (the tools warn, the daemon logs)");
        QnetdCertStore store = QnetdCertStore.load(broken.resolve("qnetd/nssdb"));
        var differences = store.nssDifferences(org.quorate.certs.store.NssMirror.onSystemPath(line -> { }));
        differences.forEach(RealToolsInteropTest::say);
        assertThat(differences).singleElement().asString().contains("has no \"QNetd Cert\"")
                .contains("qnetd-server.p12 holds (CN=Qnetd Server, serial 102, SHA-256 ");
        assertThat(QnetdCertStore.load(host.resolve("qnetd/nssdb"))
                .nssDifferences(org.quorate.certs.store.NssMirror.onSystemPath(line -> { }))).isEmpty();
        CliRun warned = CliRun.qnetd(broken, "-s", "-c", host.resolve("qdevice/net/nssdb/qdevice-net-node.crq")
                .toString(), "-n", "lab5");
        transcript("quorate corosync-qnetd-certutil -s (differing db)", warned.exitCode(), warned.out() + warned.err());
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.err()).startsWith("Warning: NSS database ").contains("has no \"QNetd Cert\"");
        assertThat(warned.out()).contains("Certificate stored in ");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Path conf(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    private void handshake(QnetdCertStore qnetd, NodeCertStore node, String cluster) throws Exception {
        TlsHandshake result = TlsHandshake.run(qnetd.sslContext(), node.sslContext());
        say("TLS " + result.protocol() + " " + result.cipherSuite()
                + " | client saw " + Names.commonNameOf(result.clientSawChain()[0]).orElse("?")
                + " (serial " + result.clientSawChain()[0].getSerialNumber() + ")"
                + " | server saw " + Names.commonNameOf(result.serverSawChain()[0]).orElse("?")
                + " (serial " + result.serverSawChain()[0].getSerialNumber() + ")");
        assertThat(result.protocol()).isEqualTo("TLSv1.3");
        assertThat(Names.commonNameOf(result.clientSawChain()[0])).contains("Qnetd Server");
        assertThat(Names.commonNameOf(result.serverSawChain()[0])).contains(cluster);
        result.clientSawChain()[0].verify(qnetd.caCertificate().getPublicKey());
        result.serverSawChain()[0].verify(node.caCertificate().getPublicKey());
        assertThat(node.caCertificate()).isEqualTo(qnetd.caCertificate());
    }

    private void quorateQnetd(Path confDir, int expectedExit, String... args) {
        CliRun run = CliRun.qnetd(confDir, args);
        transcript("quorate corosync-qnetd-certutil " + String.join(" ", args), run.exitCode(), run.out() + run.err());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
    }

    private void quorateNode(Path confDir, int expectedExit, String... args) {
        CliRun run = CliRun.node(confDir, args);
        transcript("quorate corosync-qdevice-net-certutil " + String.join(" ", args), run.exitCode(),
                run.out() + run.err());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
    }

    /** Runs a shell command with {@code confDir} bind-mounted on /etc/corosync in a private mount namespace. */
    private Result c(Path confDir, int expectedExit, String command) throws Exception {
        Result result = exec(List.of("unshare", "--mount", "--propagation", "private", "bash", "-c",
                "mount --bind '" + confDir + "' " + ETC + " && " + command));
        transcript("C " + command, result.exitCode, result.output);
        assertThat(result.exitCode).as(result.output).isEqualTo(expectedExit);
        return result;
    }

    private static void transcript(String command, int exitCode, String output) {
        StringBuilder line = new StringBuilder("$ ").append(command).append("  -> exit ").append(exitCode);
        for (String text : output.strip().split("\n")) {
            boolean base64 = text.strip().matches("[A-Za-z0-9+/=]{40,}");
            if (!text.isBlank() && !base64 && !text.startsWith("Generating key")
                    && !text.contains("password file contains")) {
                line.append("\n    ").append(text.strip());
            }
        }
        say(line.toString());
    }

    private static void say(String text) {
        System.out.println(text);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), output);
    }
}
