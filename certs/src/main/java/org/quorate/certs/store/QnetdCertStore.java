package org.quorate.certs.store;

import static org.quorate.certs.CertLayout.QNETD_CA_P12;
import static org.quorate.certs.CertLayout.QNETD_SERVER_P12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.quorate.certs.pki.Chains;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.Pkcs12;

/**
 * The qnetd daemon's view of its certificate directory ({@code /etc/corosync/qnetd/nssdb}): the server key
 * with its chain, and the CA that client (cluster) certificates must chain to.
 *
 * <pre>{@code
 * QnetdCertStore store = QnetdCertStore.ensureInitialized(dir, Instant.now(), log::info);
 * SSLContext tls = store.sslContext();   // then TlsContexts.serverParameters() on each engine
 * }</pre>
 */
public final class QnetdCertStore {
    /** The command an operator runs to convert a C tools' database. */
    public static final String IMPORT_COMMAND = "corosync-qnetd-certutil --import-nss";

    private final Path directory;
    private final KeyMaterial serverKey;
    private final X509Certificate ca;

    private QnetdCertStore(Path directory, KeyMaterial serverKey, X509Certificate ca) {
        this.directory = directory;
        this.serverKey = serverKey;
        this.ca = ca;
    }

    /**
     * Loads {@value org.quorate.certs.CertLayout#QNETD_SERVER_P12} and the CA certificate from
     * {@value org.quorate.certs.CertLayout#QNETD_CA_P12}.
     *
     * @throws CertStoreException naming the directory when there is no store (with the import command when
     *                            only an NSS database is there), or the file that is unreadable or corrupt
     */
    public static QnetdCertStore load(Path dir) throws CertStoreException {
        DirectoryAccessException.check(dir);
        StoreState state = QnetdDatabase.stateOf(dir);
        if (state != StoreState.QUORATE) {
            throw notReady(dir, state);
        }
        X509Certificate ca = readKey(dir.resolve(QNETD_CA_P12), "CA key store").certificate();
        Path serverFile = dir.resolve(QNETD_SERVER_P12);
        KeyMaterial server = readKey(serverFile, "server key store");
        if (!Chains.issuedBy(server.certificate(), ca)) {
            throw new CertStoreException("Server key store " + serverFile + " holds a certificate ("
                    + server.certificate().getSubjectX500Principal() + ") that is not issued by the CA in "
                    + dir.resolve(QNETD_CA_P12));
        }
        return new QnetdCertStore(dir, new KeyMaterial(server.privateKey(), List.of(server.certificate(), ca)), ca);
    }

    /**
     * For qnetd's first start: creates the CA and server certificate when the directory exists and is empty
     * (as the package makes it; {@code corosync-qnetd-certutil -i} would do the same), then loads. A missing
     * directory is refused, so that a mistyped {@code nss_db_dir} never yields a CA no cluster trusts; an
     * existing store is loaded, never replaced. Where the NSS tools are missing, {@code progress} hears it once
     * and only the PKCS#12 files are written.
     *
     * @throws DirectoryAccessException when the directory is missing or closed to this user
     */
    public static QnetdCertStore ensureInitialized(Path dir, Instant now, Consumer<String> progress)
            throws CertStoreException {
        return ensureInitialized(dir, now, progress, NssMirror.onSystemPath(progress));
    }

    public static QnetdCertStore ensureInitialized(Path dir, Instant now, Consumer<String> progress, NssMirror nss)
            throws CertStoreException {
        DirectoryAccessException.check(dir);
        if (QnetdDatabase.stateOf(dir) == StoreState.EMPTY && isEmpty(dir)) {
            if (!Files.isWritable(dir)) {
                throw new CertStoreException("Can't create the QNet CA in NSS DB directory " + dir + " ("
                        + FileAccess.ownerAndMode(dir) + ") as user " + FileAccess.currentUser()
                        + ": permission denied");
            }
            new QnetdDatabase(dir, FileModes.GROUP_WRITABLE, progress, progress, new SecureRandom(), nss)
                    .initialize(now);
        }
        return load(dir);
    }

    private static boolean isEmpty(Path dir) throws CertStoreException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new CertStoreException("Can't list NSS DB directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the NSS database beside the bundles holds other certificates than they do: one sentence each,
     * empty when they agree or there is no database (or no NSS tools) to compare with.
     */
    public List<String> nssDifferences(NssMirror nss) throws CertStoreException {
        return QnetdDatabase.nssDifferences(directory, nss, ca, serverKey.certificate());
    }

    public Path directory() {
        return directory;
    }

    /** The server key with chain (server certificate {@code CN=Qnetd Server}, CA). */
    public KeyMaterial serverKey() {
        return serverKey;
    }

    /** The trust anchor for client certificates. */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** A TLS server context presenting {@link #serverKey()} and trusting only {@link #caCertificate()}. */
    public SSLContext sslContext() throws CertStoreException {
        return TlsContexts.create(serverKey, ca);
    }

    static StoreStateException notReady(Path dir, StoreState state) {
        if (state == StoreState.NSS_ONLY) {
            return new StoreStateException(dir, state, "Certificate database " + dir
                    + " was created by the NSS tools and has no " + QNETD_SERVER_P12 + ". Convert it once with: "
                    + IMPORT_COMMAND);
        }
        return new StoreStateException(dir, state, "No certificate database in " + dir
                + ". Create one with: corosync-qnetd-certutil -i");
    }

    static KeyMaterial readKey(Path file, String what) throws CertStoreException {
        byte[] bytes = StoreFiles.read(file, what);
        try {
            return Pkcs12.readKey(bytes);
        } catch (IllegalArgumentException e) {
            throw new CertStoreException(capitalized(what) + " " + file + " is corrupt: " + e.getMessage());
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
