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
        quorateNode(second, 0, "--import-nss");
        quorateQnetd(host, 0, "-s", "-c", host.resolve("qdevice/net/nssdb/qdevice-net-node.crq").toString(),
                "-n", "lab3");
        assertThat(Files.readString(qnetdDir.resolve("serial.txt")).trim()).isEqualTo("104");

        say("--- (c) for (d): converted qnetd db vs the C -M bundle read in place, and vs the converted node db");
        QnetdCertStore qnetd = QnetdCertStore.load(qnetdDir);
        handshake(qnetd, NodeCertStore.load(host.resolve("qdevice/net/nssdb")), "lab3");
        handshake(qnetd, NodeCertStore.load(secondDir), "lab3");
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
