package org.quorate.bench.pki;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.quorate.certs.CertLayout;
import org.quorate.certs.pki.CertificateIssuer;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.KeyPairs;
import org.quorate.certs.pki.Names;
import org.quorate.certs.pki.Pkcs12;
import org.quorate.certs.store.CertStoreException;
import org.quorate.certs.store.FileModes;
import org.quorate.certs.store.QnetdDatabase;

/**
 * One QNet CA for the whole run: Quorate's qnetd reads it as its PKCS#12 store, the C qnetd as an NSS
 * database built from the same files ({@link NssDatabaseBuilder}), and every simulated cluster gets a
 * certificate {@code CN=<cluster>} signed by it. All cluster certificates share one RSA key: generating
 * thousands of 2048-bit keys would take minutes and tells nothing about the servers, which never see
 * that the keys are equal.
 */
public final class BenchPki {
    private final Path quorateStore;
    private final KeyMaterial ca;
    private final KeyMaterial server;
    private final KeyPair clusterKeys;

    private BenchPki(Path quorateStore, KeyMaterial ca, KeyMaterial server, KeyPair clusterKeys) {
        this.quorateStore = quorateStore;
        this.ca = ca;
        this.server = server;
        this.clusterKeys = clusterKeys;
    }

    /** Creates CA and server certificate in {@code quorateStore} (as {@code corosync-qnetd-certutil -i}). */
    public static BenchPki create(Path quorateStore, Instant now) throws CertStoreException {
        return create(quorateStore, now, ClientKeyType.RSA);
    }

    /**
     * As {@link #create(Path, Instant)}, with the cluster key of {@code clientKeys}: RSA 2048 like the real
     * nodes, or EC P-256, which costs the generator (sharing the cores with the server) far less per
     * handshake; the server then verifies an ECDSA instead of an RSA signature.
     */
    public static BenchPki create(Path quorateStore, Instant now, ClientKeyType clientKeys) throws CertStoreException {
        SecureRandom random = new SecureRandom();
        new QnetdDatabase(quorateStore, FileModes.GROUP_WRITABLE, line -> { }, random).initialize(now);
        try {
            KeyMaterial ca = Pkcs12.readKey(Files.readAllBytes(quorateStore.resolve(CertLayout.QNETD_CA_P12)));
            KeyMaterial server = Pkcs12.readKey(Files.readAllBytes(quorateStore.resolve(CertLayout.QNETD_SERVER_P12)));
            return new BenchPki(quorateStore, ca, server, clientKeys.generate(random));
        } catch (java.io.IOException e) {
            throw new CertStoreException("Can't read the store just created in " + quorateStore + ": " + e.getMessage(), e);
        }
    }

    /** The directory to pass to Quorate's qnetd as {@code nss_db_dir}. */
    public Path quorateStore() {
        return quorateStore;
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The server key store file, imported into the C server's NSS database. */
    public Path serverPkcs12() {
        return quorateStore.resolve(CertLayout.QNETD_SERVER_P12);
    }

    public KeyMaterial serverKey() {
        return server;
    }

    /**
     * Certificates {@code CN=<name>} for every cluster name, signed in parallel (one RSA signature each).
     * Serial numbers start high so they never collide with the store's own serial file.
     */
    public Map<String, KeyMaterial> clusterIdentities(List<String> clusterNames, Instant now) {
        Map<String, KeyMaterial> identities = new ConcurrentHashMap<>();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(clusterKeys.getPublic().getEncoded());
        IntStream.range(0, clusterNames.size()).parallel().forEach(i -> {
            String name = clusterNames.get(i);
            X509Certificate certificate = CertificateIssuer.issue(ca, Names.commonName(name), publicKey,
                    BigInteger.valueOf(1_000_000L + i), now);
            identities.put(name, new KeyMaterial(clusterKeys.getPrivate(), List.of(certificate, ca.certificate())));
        });
        return identities;
    }
}
