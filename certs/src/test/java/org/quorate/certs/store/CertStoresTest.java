package org.quorate.certs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.pki.Names;

class CertStoresTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path root;

    /** A qnetd dir and a node dir with a cluster certificate for {@code cluster}. */
    private NodeCertStore provisionNode(Path qnetdDir, Path nodeDir, String cluster) throws Exception {
        QnetdCertStore.ensureInitialized(Files.createDirectories(qnetdDir), NOW, line -> { });
        NodeDatabase node = new NodeDatabase(nodeDir, line -> { }, new SecureRandom());
        node.initialize(qnetdDir.resolve("qnetd-cacert.crt"));
        Path request = node.createRequest(cluster);
        Path certificate = qnetdDir.resolve("cluster-" + cluster + ".crt");
        new QnetdDatabase(qnetdDir, FileModes.GROUP_WRITABLE, line -> { }, new SecureRandom())
                .sign(request, cluster, certificate, NOW);
        node.importSignedCertificate(certificate);
        return NodeCertStore.load(nodeDir);
    }

    @Test
    void ensureInitializedCreatesOnceThenLoads() throws Exception {
        Path dir = Files.createDirectories(root.resolve("qnetd/nssdb"));
        List<String> progress = new ArrayList<>();
        QnetdCertStore first = QnetdCertStore.ensureInitialized(dir, NOW, progress::add);
        QnetdCertStore second = QnetdCertStore.ensureInitialized(dir, NOW, line -> {
            throw new AssertionError("must not initialize again: " + line);
        });

        assertThat(progress).contains("Creating new CA");
        assertThat(second.serverKey().privateKey()).isEqualTo(first.serverKey().privateKey());
        assertThat(second.serverKey().chain()).containsExactly(first.serverKey().certificate(), first.caCertificate());
    }

    @Test
    void nssOnlyDirectoriesNameTheImportCommand() throws Exception {
        Path dir = root.resolve("nss");
        Files.createDirectories(dir);
        Files.write(dir.resolve("cert9.db"), new byte[] {0});

        assertThat(catchThrowable(() -> QnetdCertStore.ensureInitialized(dir, NOW, line -> { })))
                .isInstanceOf(StoreStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageEndingWith("Convert it once with: corosync-qnetd-certutil --import-nss");
        assertThat(catchThrowable(() -> NodeCertStore.load(dir)))
                .hasMessageEndingWith("Convert it once with: corosync-qdevice-net-certutil --import-nss");
        assertThat(dir.resolve("qnetd-ca.p12")).doesNotExist();
    }

    @Test
    void unreadableStoreNamesThePath() throws Exception {
        Path dir = Files.createDirectories(root.resolve("qnetd/nssdb"));
        QnetdCertStore.ensureInitialized(dir, NOW, line -> { });
        Files.delete(dir.resolve("qnetd-server.p12"));
        Files.createDirectory(dir.resolve("qnetd-server.p12"));

        assertThat(catchThrowable(() -> QnetdCertStore.ensureInitialized(dir, NOW, line -> { })))
                .isInstanceOf(CertStoreException.class)
                .hasMessageContaining(dir.resolve("qnetd-server.p12").toString());
    }

    @Test
    void tls13HandshakeBetweenQnetdAndNodeStores() throws Exception {
        Path qnetdDir = root.resolve("qnetd");
        NodeCertStore node = provisionNode(qnetdDir, root.resolve("node"), "lab1");
        QnetdCertStore qnetd = QnetdCertStore.load(qnetdDir);

        TlsHandshake handshake = TlsHandshake.run(qnetd.sslContext(), node.sslContext());

        assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
        assertThat(Names.commonNameOf(handshake.clientSawChain()[0])).contains("Qnetd Server");
        assertThat(Names.commonNameOf(handshake.serverSawChain()[0])).contains("lab1");
        assertThat(handshake.serverSawChain()[0].getIssuerX500Principal())
                .isEqualTo(qnetd.caCertificate().getSubjectX500Principal());
    }

    @Test
    void clientFromAnotherCaIsRejected() throws Exception {
        NodeCertStore stranger = provisionNode(root.resolve("other-qnetd"), root.resolve("other-node"), "lab1");
        QnetdCertStore qnetd = QnetdCertStore.ensureInitialized(Files.createDirectories(root.resolve("qnetd")), NOW,
                line -> { });

        Throwable failure = catchThrowable(() -> TlsHandshake.run(qnetd.sslContext(), stranger.sslContext()));

        assertThat(failure).isNotNull();
        assertThat(failure).satisfiesAnyOf(
                f -> assertThat(f).isInstanceOf(SSLHandshakeException.class),
                f -> assertThat(f).hasRootCauseInstanceOf(SSLHandshakeException.class),
                f -> assertThat(f).isInstanceOf(java.net.SocketException.class));
    }
}
