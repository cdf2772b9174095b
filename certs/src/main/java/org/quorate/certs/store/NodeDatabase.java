package org.quorate.certs.store;

import static org.quorate.certs.CertLayout.CA_NICKNAME;
import static org.quorate.certs.CertLayout.CLUSTER_NICKNAME;
import static org.quorate.certs.CertLayout.NODE_CA;
import static org.quorate.certs.CertLayout.NODE_KEY;
import static org.quorate.certs.CertLayout.NODE_P12;
import static org.quorate.certs.CertLayout.NODE_REQUEST;
import static org.quorate.certs.CertLayout.NOISE;
import static org.quorate.certs.CertLayout.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.quorate.certs.pki.CertificateCodec;
import org.quorate.certs.pki.CertificateRequests;
import org.quorate.certs.pki.Chains;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.KeyPairs;
import org.quorate.certs.pki.Pkcs12;

/**
 * The administrative operations on a node's certificate directory ({@code /etc/corosync/qdevice/net/nssdb}):
 * trust the CA, request a cluster certificate, import the signed certificate or a PKCS#12 bundle, convert a
 * C tools' NSS database. Progress lines go to {@code progress} with the C tool's wording.
 */
public final class NodeDatabase {
    private final Path dir;
    private final Consumer<String> progress;
    private final Consumer<String> warnings;
    private final SecureRandom random;
    private final NssMirror nss;

    /** With the NSS tools on PATH; warnings go to {@code progress} too. */
    public NodeDatabase(Path dir, Consumer<String> progress, SecureRandom random) {
        this(dir, progress, progress, random, NssMirror.onSystemPath(progress));
    }

    /**
     * @param progress the C tool's stdout lines
     * @param warnings what the C tool does not say: a missing NSS tool, a database that differs from the files
     * @param nss      writes the NSS database beside the PEM/PKCS#12 files
     */
    public NodeDatabase(Path dir, Consumer<String> progress, Consumer<String> warnings, SecureRandom random,
            NssMirror nss) {
        this.dir = dir;
        this.progress = progress;
        this.warnings = warnings;
        this.random = random;
        this.nss = nss;
    }

    /** {@code qnet-ca.pem} marks ours, cert9.db/cert8.db the C tools'. */
    public static StoreState stateOf(Path dir) {
        if (Files.exists(dir.resolve(NODE_CA))) {
            return StoreState.QUORATE;
        }
        return NssDatabase.presentIn(dir) ? StoreState.NSS_ONLY : StoreState.EMPTY;
    }

    /** {@code -i -c ca}: trusts the CA in {@code caFile}; refuses when any database exists. */
    public void initialize(Path caFile) throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state != StoreState.EMPTY) {
            throw new StoreStateException(dir, state, "Certificate database already exists. Delete it to continue");
        }
        // Check the input before creating anything, so a bad file leaves no half-made database behind.
        X509Certificate ca = readCertificate(caFile, "CA certificate file");
        if (!Chains.isCa(ca)) {
            throw new CertStoreException("CA certificate file " + caFile + " holds " + ca.getSubjectX500Principal()
                    + ", which is not a CA certificate");
        }
        if (StoreFiles.createDirectory(dir, FileModes.GROUP_WRITABLE.directory())) {
            progress.accept("Creating " + dir);
        }
        progress.accept("Creating new key and cert db");
        write(dir.resolve(PASSWORD), new byte[0]);
        boolean withNss = nss.available();
        if (withNss) {
            nss.create(dir, FileModes.GROUP_WRITABLE.file(), null, true);
        }
        Path noise = dir.resolve(NOISE);
        if (Files.exists(noise)) {
            progress.accept("Using existing noise file " + noise);
        } else {
            progress.accept("Creating new noise file " + noise);
            write(noise, (QnetdDatabase.noise(random) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        progress.accept("Importing CA");
        write(dir.resolve(NODE_CA), CertificateCodec.certificatePem(ca, "\n").getBytes(StandardCharsets.US_ASCII));
        if (withNss) {
            nss.addCertificate(dir, CA_NICKNAME, CA_TRUST, dir.resolve(NODE_CA), true);
        }
    }

    /** The C script's trust for the QNet CA on a node. */
    private static final String CA_TRUST = "CT,c,c";

    /**
     * Writes the NSS database when there is none yet (the store was made where the NSS tools were missing),
     * else reports where it differs from our files. Returns true when the database can be written to.
     */
    private boolean syncNssDatabase(X509Certificate ca) throws CertStoreException {
        if (!nss.available()) {
            return false;
        }
        if (!NssDatabase.presentIn(dir)) {
            progress.accept("Creating NSS database in " + dir + " from " + NODE_CA);
            if (!Files.exists(dir.resolve(PASSWORD))) {
                write(dir.resolve(PASSWORD), new byte[0]);
            }
            nss.create(dir, FileModes.GROUP_WRITABLE.file(), null, false);
            nss.addCertificate(dir, CA_NICKNAME, CA_TRUST, dir.resolve(NODE_CA), false);
            return true;
        }
        Map<String, NssMirror.Expected> expected = new LinkedHashMap<>();
        expected.put(CA_NICKNAME, new NssMirror.Expected(ca, NODE_CA));
        nss.differences(dir, expected).forEach(difference -> warnings.accept("Warning: " + difference));
        return NssMirror.presentIn(dir);
    }

    /**
     * "Cluster Cert" in the NSS database becomes the key and certificate of {@code bundle}; false when there
     * is no NSS database to write.
     *
     * @param echo the import stands for the script's own {@code pk12util -i} (-m)
     */
    private boolean replaceClusterCertificate(X509Certificate ca, Path bundle, boolean echo)
            throws CertStoreException {
        if (!syncNssDatabase(ca)) {
            return false;
        }
        nss.delete(dir, CLUSTER_NICKNAME);
        nss.importPkcs12(dir, bundle, CLUSTER_NICKNAME, echo);
        // pk12util leaves the trust of a CA that is already there alone; make sure it is the script's
        nss.setTrust(dir, CA_NICKNAME, CA_TRUST);
        return true;
    }

    /** {@code -r -n cluster}: a new key and a DER request for {@code CN=<cluster>}. */
    public Path createRequest(String clusterName) throws CertStoreException {
        syncNssDatabase(requireStore());
        progress.accept("Creating new certificate request");
        nss.terminal().err().accept(NssWords.KEY_GENERATION); // the script's certutil -R
        KeyPair keys = KeyPairs.rsa2048(random);
        byte[] request;
        try {
            request = CertificateRequests.create(keys, clusterName).getEncoded();
        } catch (java.io.IOException e) {
            throw new CertStoreException("Can't encode the certificate request", e);
        }
        // The pending key is the one secret here: owner-only until it moves into the PKCS#12 bundle.
        StoreFiles.write(dir.resolve(NODE_KEY), CertificateCodec.privateKeyPem(keys.getPrivate())
                .getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-------"));
        Path requestFile = dir.resolve(NODE_REQUEST);
        // certutil -R -o creates it 0660 less the umask
        StoreFiles.write(requestFile, request, FileModes.nssOutput());
        progress.accept("Certificate request stored in " + requestFile);
        return requestFile;
    }

    /** {@code -M -c crt}: pairs the signed certificate with the pending key and writes the bundle. */
    public Path importSignedCertificate(Path certificateFile) throws CertStoreException {
        X509Certificate ca = requireStore();
        X509Certificate certificate = readCertificate(certificateFile, "Certificate file");
        if (!Chains.issuedBy(certificate, ca)) {
            throw new CertStoreException("Certificate file " + certificateFile + " (" + certificate
                    .getSubjectX500Principal() + ") is not issued by the QNet CA in " + dir.resolve(NODE_CA));
        }
        Path keyFile = dir.resolve(NODE_KEY);
        if (!Files.exists(keyFile)) {
            throw new CertStoreException("No pending certificate request key " + keyFile
                    + ": create the request on this node with -r first");
        }
        PrivateKey key;
        try {
            key = CertificateCodec.privateKey(StoreFiles.read(keyFile, "request key file"));
        } catch (IllegalArgumentException e) {
            throw new CertStoreException("Request key file " + keyFile + " is corrupt: " + e.getMessage());
        }
        if (!matches(key, certificate)) {
            throw new CertStoreException("Certificate file " + certificateFile + " was not issued for the request"
                    + " made on this node (its key differs from " + keyFile + ")");
        }
        progress.accept("Importing signed cluster certificate");
        Path bundle = dir.resolve(NODE_P12);
        writeKeyBundle(bundle, Pkcs12.write(new KeyMaterial(key, List.of(certificate, ca)), CLUSTER_NICKNAME,
                CA_NICKNAME));
        if (replaceClusterCertificate(ca, bundle, false)) {
            // the script's certutil -A -t u,u,u of the signed certificate, whose key is in the database
            nss.terminal().err().accept(NssWords.TRUST_U_NOTICE);
        }
        nss.terminal().out().accept(NssWords.PKCS12_EXPORTED); // the script's pk12util -o
        progress.accept("Certificate stored in " + bundle);
        return bundle;
    }

    /** {@code -m -c p12}: takes over a bundle made by {@code -M} on another node (ours or the C tool's). */
    public void importPkcs12(Path bundleFile) throws CertStoreException {
        X509Certificate ca = requireStore();
        KeyMaterial material;
        try {
            material = Pkcs12.readKey(StoreFiles.read(bundleFile, "PKCS#12 file"));
        } catch (IllegalArgumentException e) {
            throw new CertStoreException("PKCS#12 file " + bundleFile + " is corrupt: " + e.getMessage());
        }
        if (!Chains.issuedBy(material.certificate(), ca)) {
            throw new CertStoreException("PKCS#12 file " + bundleFile + " holds " + material.certificate()
                    .getSubjectX500Principal() + ", which is not issued by the QNet CA in " + dir.resolve(NODE_CA));
        }
        progress.accept("Importing cluster certificate and key");
        Path bundle = dir.resolve(NODE_P12);
        writeKeyBundle(bundle, Pkcs12.write(new KeyMaterial(material.privateKey(),
                List.of(material.certificate(), ca)), CLUSTER_NICKNAME, CA_NICKNAME));
        replaceClusterCertificate(ca, bundle, true);
    }

    /**
     * {@code --import-nss}: writes {@code qnet-ca.pem} from the NSS entry "QNet CA" and, when the database
     * holds "Cluster Cert" and no bundle exists yet, {@code qdevice-net-node.p12}. A bundle left by the C
     * tool's -M is kept: it is already in our format.
     */
    public void importNss() throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state == StoreState.QUORATE) {
            throw new StoreStateException(dir, state, "Quorate certificate store (" + dir.resolve(NODE_CA)
                    + ") already exists. Delete " + NODE_CA + " to import again");
        }
        if (state == StoreState.EMPTY) {
            throw new StoreStateException(dir, state, "No NSS certificate database (cert9.db or cert8.db) in " + dir);
        }
        NssDatabase nss = NssDatabase.in(dir);
        progress.accept("Exporting \"" + CA_NICKNAME + "\" from NSS database " + nss.databaseName());
        X509Certificate ca;
        try {
            ca = CertificateCodec.certificate(nss.exportCertificate(CA_NICKNAME));
        } catch (IllegalArgumentException e) {
            throw new CertStoreException("NSS database " + dir + ": \"" + CA_NICKNAME + "\" is unreadable: "
                    + e.getMessage());
        }
        Path bundle = dir.resolve(NODE_P12);
        if (!Files.exists(bundle) && nss.hasCertificate(CLUSTER_NICKNAME)) {
            progress.accept("Exporting \"" + CLUSTER_NICKNAME + "\" from NSS database " + nss.databaseName());
            KeyMaterial cluster;
            try {
                cluster = Pkcs12.readKey(nss.exportKey(CLUSTER_NICKNAME));
            } catch (IllegalArgumentException e) {
                throw new CertStoreException("Can't read the key \"" + CLUSTER_NICKNAME
                        + "\" exported from NSS database " + dir + ": " + e.getMessage());
            }
            writeKeyBundle(bundle, Pkcs12.write(new KeyMaterial(cluster.privateKey(),
                    List.of(cluster.certificate(), ca)), CLUSTER_NICKNAME, CA_NICKNAME));
            progress.accept("Certificate stored in " + bundle);
        }
        write(dir.resolve(NODE_CA), CertificateCodec.certificatePem(ca, "\n").getBytes(StandardCharsets.US_ASCII));
        progress.accept("CA certificate stored in " + dir.resolve(NODE_CA));
    }

    private X509Certificate requireStore() throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state != StoreState.QUORATE) {
            throw NodeCertStore.notReady(dir, state);
        }
        Path caFile = dir.resolve(NODE_CA);
        return readCertificate(caFile, "CA certificate file");
    }

    static X509Certificate readCertificate(Path file, String what) throws CertStoreException {
        byte[] bytes = StoreFiles.read(file, what);
        try {
            return CertificateCodec.certificate(bytes);
        } catch (IllegalArgumentException e) {
            String label = Character.toUpperCase(what.charAt(0)) + what.substring(1);
            throw new CertStoreException(label + " " + file + " is corrupt: " + e.getMessage());
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        return key instanceof RSAPrivateCrtKey rsa
                && certificate.getPublicKey() instanceof RSAPublicKey published
                && rsa.getModulus().equals(published.getModulus())
                && rsa.getPublicExponent().equals(published.getPublicExponent());
    }

    /** Where the cluster key lives, owner only: the C tool's pk12util -o gives 0600. */
    private static void writeKeyBundle(Path file, byte[] content) throws CertStoreException {
        StoreFiles.write(file, content, FileModes.KEY_EXPORT);
    }

    /** Where the NSS database differs from {@code qnet-ca.pem}/{@code qdevice-net-node.p12}. */
    static List<String> nssDifferences(Path dir, NssMirror nss, X509Certificate ca, X509Certificate cluster)
            throws CertStoreException {
        Map<String, NssMirror.Expected> expected = new LinkedHashMap<>();
        expected.put(CA_NICKNAME, new NssMirror.Expected(ca, NODE_CA));
        expected.put(CLUSTER_NICKNAME, new NssMirror.Expected(cluster, NODE_P12));
        return nss.differences(dir, expected);
    }

    private void write(Path file, byte[] content) throws CertStoreException {
        StoreFiles.write(file, content, FileModes.GROUP_WRITABLE.file());
    }
}
