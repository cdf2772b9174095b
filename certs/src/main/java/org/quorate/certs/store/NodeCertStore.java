package org.quorate.certs.store;

import static org.quorate.certs.CertLayout.NODE_CA;
import static org.quorate.certs.CertLayout.NODE_P12;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.quorate.certs.pki.Chains;
import org.quorate.certs.pki.KeyMaterial;

/**
 * The qdevice daemon's view of a node's certificate directory: the cluster key with its chain and the
 * QNet CA that the qnetd server certificate must chain to.
 *
 * <p>The key comes from {@value org.quorate.certs.CertLayout#NODE_P12}, which both our tool and the C tool's
 * {@code -M} write, so a node set up with the C tools works unchanged. The CA comes from
 * {@value org.quorate.certs.CertLayout#NODE_CA} when present, else from the bundle itself.
 */
public final class NodeCertStore {
    /** The command an operator runs to convert a C tools' database that has no bundle file. */
    public static final String IMPORT_COMMAND = "corosync-qdevice-net-certutil --import-nss";

    private final Path directory;
    private final KeyMaterial clientKey;
    private final X509Certificate ca;

    private NodeCertStore(Path directory, KeyMaterial clientKey, X509Certificate ca) {
        this.directory = directory;
        this.clientKey = clientKey;
        this.ca = ca;
    }

    /**
     * @throws CertStoreException naming the directory when there is no bundle (with the import command when an
     *                            NSS database is there), or the file that is unreadable or corrupt
     */
    public static NodeCertStore load(Path dir) throws CertStoreException {
        DirectoryAccessException.check(dir);
        Path bundleFile = dir.resolve(NODE_P12);
        if (!Files.exists(bundleFile)) {
            throw notReady(dir, NodeDatabase.stateOf(dir));
        }
        KeyMaterial bundle = QnetdCertStore.readKey(bundleFile, "cluster key store");
        X509Certificate ca = Files.exists(dir.resolve(NODE_CA))
                ? NodeDatabase.readCertificate(dir.resolve(NODE_CA), "CA certificate file")
                : issuerIn(bundle).orElseThrow(() -> new CertStoreException("Cluster key store " + bundleFile
                        + " holds no CA certificate and " + dir.resolve(NODE_CA) + " does not exist"));
        if (!Chains.issuedBy(bundle.certificate(), ca)) {
            throw new CertStoreException("Cluster key store " + bundleFile + " holds a certificate ("
                    + bundle.certificate().getSubjectX500Principal() + ") that is not issued by the QNet CA "
                    + ca.getSubjectX500Principal());
        }
        return new NodeCertStore(dir, new KeyMaterial(bundle.privateKey(), List.of(bundle.certificate(), ca)), ca);
    }

    /**
     * Where the NSS database beside the files holds other certificates than they do: one sentence each,
     * empty when they agree or there is no database (or no NSS tools) to compare with.
     */
    public List<String> nssDifferences(NssMirror nss) throws CertStoreException {
        return NodeDatabase.nssDifferences(directory, nss, ca, clientKey.certificate());
    }

    public Path directory() {
        return directory;
    }

    /** The cluster key with chain (cluster certificate {@code CN=<cluster>}, CA). */
    public KeyMaterial clientKey() {
        return clientKey;
    }

    /** The trust anchor for the qnetd server certificate. */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** A TLS client context presenting {@link #clientKey()} and trusting only {@link #caCertificate()}. */
    public SSLContext sslContext() throws CertStoreException {
        return TlsContexts.create(clientKey, ca);
    }

    static StoreStateException notReady(Path dir, StoreState state) {
        return switch (state) {
            case NSS_ONLY -> new StoreStateException(dir, state, "Certificate database " + dir
                    + " was created by the NSS tools and has no " + NODE_P12 + ". Convert it once with: "
                    + IMPORT_COMMAND);
            case QUORATE -> new StoreStateException(dir, state, "No cluster certificate in " + dir + " (" + NODE_P12
                    + " is missing). Import one with: corosync-qdevice-net-certutil -M or -m");
            case EMPTY -> new StoreStateException(dir, state, "No certificate database in " + dir
                    + ". Create one with: corosync-qdevice-net-certutil -i -c qnetd-cacert.crt");
        };
    }

    private static Optional<X509Certificate> issuerIn(KeyMaterial bundle) {
        return bundle.chain().stream().skip(1)
                .filter(candidate -> Chains.isCa(candidate) && Chains.issuedBy(bundle.certificate(), candidate))
                .findFirst();
    }
}
