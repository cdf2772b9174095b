package org.quorate.qnetd.badinput;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The C corosync-qnetd 3.0.3 on loopback, with an NSS database holding the same CA and server certificate as
 * the in-process tests (made by the certs module through certutil), played every {@link BadTlsClient} case:
 * what its clients hear is the C column of {@link TlsFailureReasonsTest#TABLE}. Its log is printed beside, for
 * the comparison of log lines.
 */
@Tag("realstack")
@Timeout(120)
class CQnetdTlsAlertsTest {
    private static final Path C_QNETD = Path.of("/usr/bin/corosync-qnetd");

    @Test
    void theCServerSendsTheAlertsQuorateSends() throws Exception {
        assertThat(Files.isExecutable(C_QNETD)).as(C_QNETD + " (Debian package corosync-qnetd)").isTrue();
        Path dir = Files.createTempDirectory("quorate-c-qnetd-tls");
        TestPki pki = TestPki.create(dir.resolve("nssdb"));
        assertThat(dir.resolve("nssdb/cert9.db")).as("NSS database beside the PKCS#12 files").exists();
        int port = freePort();
        Path log = dir.resolve("qnetd.log");
        Process qnetd = new ProcessBuilder(C_QNETD.toString(), "-f", "-d", "-s", "on", "-c", "on", "-l", "127.0.0.1",
                "-p", String.valueOf(port), "-S", "nss_db_dir=" + dir.resolve("nssdb"), "-S",
                "lock_file=" + dir.resolve("qnetd.pid"), "-S", "local_socket_file=" + dir.resolve("qnetd.sock"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<BadTlsClient, String> heard = new LinkedHashMap<>();
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            awaitListening(address, qnetd, log);
            for (BadTlsClient bad : BadTlsClient.values()) {
                heard.put(bad, firstClearAnswer(bad, address, pki));
            }
        } finally {
            qnetd.destroy();
            qnetd.waitFor();
            System.out.println("---- C corosync-qnetd log ----\n" + Files.readString(log));
        }
        Map<BadTlsClient, String> expected = new LinkedHashMap<>();
        for (String row : TlsFailureReasonsTest.TABLE.strip().split("\n")) {
            String[] cells = row.split(",");
            expected.put(BadTlsClient.valueOf(cells[0].strip()), cells[3].strip());
        }
        heard.forEach((bad, what) -> System.out.printf("C qnetd: %-25s client heard %s%n", bad, what));
        assertThat(heard).isEqualTo(expected);
    }

    /**
     * NSS fails at the client's Certificate with its CertificateVerify and Finished unread, so its close is a
     * reset, and Linux drops the alert still queued at the client when the reset arrives. Most tries end so;
     * the first one that is not a reset shows the alert. Only a case that resets every time counts as reset.
     */
    private static String firstClearAnswer(BadTlsClient bad, InetSocketAddress address, TestPki pki) throws Exception {
        for (int i = 0; i < 30; i++) {
            String heard = bad.playAgainst(address, pki);
            if (!heard.equals("reset")) {
                return heard;
            }
        }
        return "reset";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(InetSocketAddress address, Process qnetd, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> errors = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (!qnetd.isAlive()) {
                throw new AssertionError("corosync-qnetd exited " + qnetd.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(address, 500);
                return;
            } catch (IOException e) {
                errors.add(e.getMessage());
                Thread.sleep(100);
            }
        }
        throw new AssertionError("corosync-qnetd did not listen on " + address + ": " + errors + "\n"
                + Files.readString(log));
    }
}
