package org.quorate.certs.store;

import static org.quorate.certs.CertLayout.CA_EXPORT;
import static org.quorate.certs.CertLayout.CA_NICKNAME;
import static org.quorate.certs.CertLayout.NOISE;
import static org.quorate.certs.CertLayout.PASSWORD;
import static org.quorate.certs.CertLayout.QNETD_CA_P12;
import static org.quorate.certs.CertLayout.QNETD_SERVER_P12;
import static org.quorate.certs.CertLayout.SERIAL;
import static org.quorate.certs.CertLayout.SERVER_NICKNAME;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.quorate.certs.pki.CertificateCodec;
import org.quorate.certs.pki.CertificateIssuer;
import org.quorate.certs.pki.CertificateListing;
import org.quorate.certs.pki.CertificateRequests;
import org.quorate.certs.pki.Chains;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.KeyPairs;
import org.quorate.certs.pki.Names;
import org.quorate.certs.pki.PemText;
import org.quorate.certs.pki.Pkcs12;

/**
 * The administrative operations on the qnetd certificate directory: create the CA and server certificate,
 * sign cluster requests, convert a C tools' NSS database. Progress lines go to {@code progress} with the
 * C tool's wording.
 */
public final class QnetdDatabase {
    private final Path dir;
    private final FileModes modes;
    private final Consumer<String> progress;
    private final Consumer<String> warnings;
    private final SecureRandom random;
    private final NssMirror nss;

    /** With the NSS tools on PATH; warnings go to {@code progress} too. */
    public QnetdDatabase(Path dir, FileModes modes, Consumer<String> progress, SecureRandom random) {
        this(dir, modes, progress, progress, random, NssMirror.onSystemPath(progress));
    }

    /**
     * @param progress the C tool's stdout lines
     * @param warnings what the C tool does not say: a missing NSS tool, a database that differs from the files
     * @param nss      writes the NSS database beside the PKCS#12 files
     */
    public QnetdDatabase(Path dir, FileModes modes, Consumer<String> progress, Consumer<String> warnings,
            SecureRandom random, NssMirror nss) {
        this.dir = dir;
        this.modes = modes;
        this.progress = progress;
        this.warnings = warnings;
        this.random = random;
        this.nss = nss;
    }

    /** What the directory holds; {@code qnetd-ca.p12} marks ours, cert9.db/cert8.db the C tools'. */
    public static StoreState stateOf(Path dir) {
        if (Files.exists(dir.resolve(QNETD_CA_P12)) || Files.exists(dir.resolve(QNETD_SERVER_P12))) {
            return StoreState.QUORATE;
        }
        return NssDatabase.presentIn(dir) ? StoreState.NSS_ONLY : StoreState.EMPTY;
    }

    /** {@code -i}: a new CA and server certificate; refuses when any database exists. */
    public void initialize(Instant now) throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state != StoreState.EMPTY) {
            throw new StoreStateException(dir, state,
                    "Certificate database (" + dir + ") already exists. Delete it to initialize new db");
        }
        if (StoreFiles.createDirectory(dir, modes.directory())) {
            progress.accept("Creating " + dir);
            StoreFiles.chownLike(dir, dir.getParent());
        }
        progress.accept("Creating new key and cert db");
        writeFile(dir.resolve(PASSWORD), new byte[0]);
        boolean withNss = nss.available();
        if (withNss) {
            nss.create(dir, modes.file(), dir.getParent(), true);
        }
        createNoiseFile();

        progress.accept("Creating new CA");
        // the script's certutil -S -x -2 asks its three questions on stdout, then generates the key
        nss.terminal().out().accept(NssWords.CA_EXTENSION_PROMPTS);
        nss.terminal().err().accept(NssWords.KEY_GENERATION);
        SerialFile serials = new SerialFile(dir.resolve(SERIAL), modes.file(), dir.getParent());
        KeyPair caKeys = KeyPairs.rsa2048(random);
        X509Certificate caCertificate = CertificateIssuer.selfSignedCa(caKeys, serials.next(), now);
        KeyMaterial ca = new KeyMaterial(caKeys.getPrivate(), List.of(caCertificate));
        writeFile(dir.resolve(QNETD_CA_P12), Pkcs12.write(ca, CA_NICKNAME, CA_NICKNAME));
        writeCaExport(caCertificate);

        nss.terminal().err().accept(NssWords.KEY_GENERATION);
        KeyPair serverKeys = KeyPairs.rsa2048(random);
        X509Certificate server = CertificateIssuer.issue(ca, Names.commonName(Names.SERVER_COMMON_NAME),
                SubjectPublicKeyInfo.getInstance(serverKeys.getPublic().getEncoded()), serials.next(), now);
        writeFile(dir.resolve(QNETD_SERVER_P12),
                Pkcs12.write(new KeyMaterial(serverKeys.getPrivate(), List.of(server, caCertificate)),
                        SERVER_NICKNAME, CA_NICKNAME));
        if (withNss) {
            fillNssDatabase();
            // what the script's certutil -S -t u,u,u of the server certificate says
            nss.terminal().err().accept(NssWords.TRUST_U_NOTICE);
        }
        progress.accept("QNetd CA certificate is exported as " + dir.resolve(CA_EXPORT));
    }

    /**
     * The C script's database content from our two bundles: "QNet CA" with key, trust CT,, and "QNetd Cert"
     * with key, u,u,u. ({@code -s} adds nothing: the C script's {@code certutil -C} only writes the file.)
     */
    private void fillNssDatabase() throws CertStoreException {
        nss.importPkcs12(dir, dir.resolve(QNETD_CA_P12), CA_NICKNAME, false);
        nss.importPkcs12(dir, dir.resolve(QNETD_SERVER_P12), SERVER_NICKNAME, false);
        nss.setTrust(dir, CA_NICKNAME, "CT,,");
    }

    /**
     * Writes the NSS database from the bundles when there is none yet (the store was made where the NSS
     * tools were missing), else reports where it differs from them. The daemon reads the bundles.
     */
    private void syncNssDatabase() throws CertStoreException {
        if (!nss.available()) {
            return;
        }
        if (!NssDatabase.presentIn(dir)) {
            progress.accept("Creating NSS database in " + dir + " from " + QNETD_CA_P12 + " and " + QNETD_SERVER_P12);
            if (!Files.exists(dir.resolve(PASSWORD))) {
                writeFile(dir.resolve(PASSWORD), new byte[0]);
            }
            nss.create(dir, modes.file(), dir.getParent(), false);
            fillNssDatabase();
            return;
        }
        nssDifferences().forEach(difference -> warnings.accept("Warning: " + difference));
    }

    /** Where the NSS database differs from {@code qnetd-ca.p12}/{@code qnetd-server.p12} (see NssMirror). */
    public List<String> nssDifferences() throws CertStoreException {
        return nssDifferences(dir, nss, loadCa().certificate(),
                QnetdCertStore.readKey(dir.resolve(QNETD_SERVER_P12), "server key store").certificate());
    }

    static List<String> nssDifferences(Path dir, NssMirror nss, X509Certificate ca, X509Certificate server)
            throws CertStoreException {
        Map<String, NssMirror.Expected> expected = new LinkedHashMap<>();
        expected.put(CA_NICKNAME, new NssMirror.Expected(ca, QNETD_CA_P12));
        expected.put(SERVER_NICKNAME, new NssMirror.Expected(server, QNETD_SERVER_P12));
        return nss.differences(dir, expected);
    }

    /**
     * {@code -s}: signs the request in {@code requestFile} and stores the certificate (DER) in
     * {@code certificateFile}. Like certutil -C, subject and key come from the request; a CN that differs
     * from the cluster name is reported because qnetd will then reject the cluster.
     */
    public X509Certificate sign(Path requestFile, String clusterName, Path certificateFile, Instant now)
            throws CertStoreException {
        KeyMaterial ca = loadCa();
        syncNssDatabase();
        PKCS10CertificationRequest request;
        try {
            request = CertificateRequests.parseAndVerify(StoreFiles.read(requestFile, "certificate request file"));
        } catch (IllegalArgumentException e) {
            throw new CertStoreException("Certificate request file " + requestFile + " is corrupt: "
                    + e.getMessage());
        }
        progress.accept("Signing cluster certificate");
        Optional<String> commonName = Names.commonNameOf(request.getSubject());
        if (!commonName.equals(Optional.of(clusterName))) {
            progress.accept("Warning: the request's subject is \"" + request.getSubject() + "\", not CN="
                    + clusterName + "; qnetd accepts a cluster only when its certificate CN equals the cluster name");
        }
        SerialFile serials = new SerialFile(dir.resolve(SERIAL), modes.file(), dir.getParent());
        X509Certificate certificate = CertificateIssuer.issue(ca, request.getSubject(),
                request.getSubjectPublicKeyInfo(), serials.next(), now);
        try {
            // certutil -o creates it 0660 less the umask, and the script chowns it like the others
            StoreFiles.write(certificateFile, certificate.getEncoded(), FileModes.nssOutput());
            StoreFiles.chownLike(certificateFile, dir.getParent());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CertStoreException("Can't encode the certificate for " + certificateFile, e);
        }
        progress.accept("Certificate stored in " + certificateFile);
        return certificate;
    }

    /**
     * {@code --import-nss}: converts the C tools' database (keys "QNet CA" and "QNetd Cert") into our two
     * PKCS#12 files. The NSS files are left untouched, serial.txt continues where the C tool stopped.
     */
    public void importNss() throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state == StoreState.QUORATE) {
            throw new StoreStateException(dir, state, "Quorate certificate store (" + dir.resolve(QNETD_CA_P12)
                    + ") already exists. Delete " + QNETD_CA_P12 + " and " + QNETD_SERVER_P12 + " to import again");
        }
        if (state == StoreState.EMPTY) {
            throw new StoreStateException(dir, state, "No NSS certificate database (cert9.db or cert8.db) in " + dir);
        }
        NssDatabase nss = NssDatabase.in(dir);
        progress.accept("Exporting \"" + CA_NICKNAME + "\" and \"" + SERVER_NICKNAME + "\" from NSS database "
                + nss.databaseName());
        KeyMaterial ca = keyFromNss(nss, CA_NICKNAME);
        KeyMaterial server = keyFromNss(nss, SERVER_NICKNAME);
        X509Certificate caCertificate = ca.certificate();
        if (!Chains.isCa(caCertificate) || !Chains.issuedBy(server.certificate(), caCertificate)) {
            throw new CertStoreException("NSS database " + dir + ": \"" + SERVER_NICKNAME
                    + "\" is not issued by \"" + CA_NICKNAME + "\"");
        }
        writeFile(dir.resolve(QNETD_CA_P12), Pkcs12.write(new KeyMaterial(ca.privateKey(),
                List.of(caCertificate)), CA_NICKNAME, CA_NICKNAME));
        writeFile(dir.resolve(QNETD_SERVER_P12), Pkcs12.write(new KeyMaterial(server.privateKey(),
                List.of(server.certificate(), caCertificate)), SERVER_NICKNAME, CA_NICKNAME));
        if (!Files.exists(dir.resolve(CA_EXPORT))) {
            writeCaExport(caCertificate);
        }
        progress.accept("Keys stored in " + dir.resolve(QNETD_CA_P12) + " and " + dir.resolve(QNETD_SERVER_P12));
    }

    /** The CA key and certificate, for signing. */
    KeyMaterial loadCa() throws CertStoreException {
        StoreState state = stateOf(dir);
        if (state != StoreState.QUORATE) {
            throw QnetdCertStore.notReady(dir, state);
        }
        Path file = dir.resolve(QNETD_CA_P12);
        KeyMaterial ca = QnetdCertStore.readKey(file, "CA key store");
        if (!Chains.isCa(ca.certificate())) {
            throw new CertStoreException("CA key store " + file + " is corrupt: its certificate ("
                    + ca.certificate().getSubjectX500Principal() + ") is not a CA certificate");
        }
        return new KeyMaterial(ca.privateKey(), List.of(ca.certificate()));
    }

    /** {@code certutil -L} listing followed by the PEM block with CRLF line ends, as the C tool exports. */
    static byte[] caExport(X509Certificate ca) {
        return (CertificateListing.of(ca) + CertificateCodec.certificatePem(ca, PemText.CRLF))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private KeyMaterial keyFromNss(NssDatabase nss, String nickname) throws CertStoreException {
        try {
            return Pkcs12.readKey(nss.exportKey(nickname));
        } catch (IllegalArgumentException e) {
            throw new CertStoreException("Can't read the key \"" + nickname + "\" exported from NSS database "
                    + dir + ": " + e.getMessage());
        }
    }

    private void createNoiseFile() throws CertStoreException {
        Path noise = dir.resolve(NOISE);
        if (Files.exists(noise)) {
            progress.accept("Using existing noise file " + noise);
            return;
        }
        progress.accept("Creating new noise file " + noise);
        writeFile(noise, (noise(random) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The C tools seed NSS with a SHA-1 hex string; we keep the file for parity, from a secure source. */
    static String noise(SecureRandom random) {
        byte[] seed = new byte[64];
        random.nextBytes(seed);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** The script writes it with {@code certutil -L > file}: 0666 less the umask, then chown. */
    private void writeCaExport(X509Certificate caCertificate) throws CertStoreException {
        Path file = dir.resolve(CA_EXPORT);
        StoreFiles.write(file, caExport(caCertificate), FileModes.shellRedirect());
        StoreFiles.chownLike(file, dir.getParent());
    }

    private void writeFile(Path file, byte[] content) throws CertStoreException {
        StoreFiles.write(file, content, modes.file());
        StoreFiles.chownLike(file, dir.getParent());
    }
}
